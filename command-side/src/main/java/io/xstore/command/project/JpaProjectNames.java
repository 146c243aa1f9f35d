package io.xstore.command.project;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** {@link ProjectNames} on the command side's JPA database (the one holding the event store). */
@Component
public class JpaProjectNames implements ProjectNames {

    @PersistenceContext
    private EntityManager entityManager;

    public JpaProjectNames() {
    }

    JpaProjectNames(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<ProjectRef> byId(String projectId) {
        if (projectId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entityManager.find(ProjectNameEntity.class, projectId))
                .map(ProjectNameEntity::toRef);
    }

    @Override
    public Optional<ProjectRef> byName(String company, String name) {
        return entityManager.createQuery(
                        "select p from ProjectNameEntity p where p.company = :company and p.name = :name",
                        ProjectNameEntity.class)
                .setParameter("company", company)
                .setParameter("name", name)
                .getResultList()
                .stream()
                .findFirst()
                .map(ProjectNameEntity::toRef);
    }

    @Override
    public List<ProjectRef> descendants(String company, String name) {
        return entityManager.createQuery(
                        "select p from ProjectNameEntity p where p.company = :company and p.name like :prefix escape '\\'"
                                + " order by p.name", ProjectNameEntity.class)
                .setParameter("company", company)
                .setParameter("prefix", escapeLike(name) + "/%")
                .getResultList()
                .stream()
                .map(ProjectNameEntity::toRef)
                .toList();
    }

    @Override
    public void add(ProjectRef project) {
        try {
            entityManager.persist(new ProjectNameEntity(project.id(), project.company(), project.name()));
            entityManager.flush();
        } catch (PersistenceException e) {
            throw ProjectNameRules.duplicate(project.company(), project.name());
        }
    }

    @Override
    public void rename(String projectId, String name) {
        ProjectNameEntity entity = entityManager.find(ProjectNameEntity.class, projectId);
        if (entity == null) {
            return;
        }
        try {
            entity.rename(name);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw ProjectNameRules.duplicate(entity.toRef().company(), name);
        }
    }

    @Override
    public void remove(String projectId) {
        ProjectNameEntity entity = entityManager.find(ProjectNameEntity.class, projectId);
        if (entity != null) {
            entityManager.remove(entity);
            entityManager.flush();
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
