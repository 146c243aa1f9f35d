package io.xstore.command.project;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ProjectNames} in memory: loaded from the event store at start ({@link io.xstore.command.NameRegistriesLoader}), then kept by
 * {@link ProjectNamesProjector} inside each command's unit of work. A change is undone when that unit of work rolls
 * back, so the names always match the events that were stored.
 */
@Component
public class InMemoryProjectNames implements ProjectNames {

    private final Map<String, ProjectRef> byId = new HashMap<>();
    private final Map<String, ProjectRef> byName = new HashMap<>();

    @Override
    public synchronized Optional<ProjectRef> byId(String projectId) {
        return projectId == null ? Optional.empty() : Optional.ofNullable(byId.get(projectId));
    }

    @Override
    public synchronized Optional<ProjectRef> byName(String company, String name) {
        return Optional.ofNullable(byName.get(key(company, name)));
    }

    @Override
    public synchronized List<ProjectRef> descendants(String company, String name) {
        String prefix = name + "/";
        return byId.values().stream()
                .filter(p -> p.company().equals(company) && p.name().startsWith(prefix))
                .sorted(Comparator.comparing(ProjectRef::name))
                .toList();
    }

    @Override
    public synchronized void add(ProjectRef project) {
        if (byName.containsKey(key(project.company(), project.name()))) {
            throw ProjectNameRules.duplicate(project.company(), project.name());
        }
        put(project);
        onRollback(() -> drop(project.id()));
    }

    @Override
    public synchronized void rename(String projectId, String name) {
        ProjectRef old = byId.get(projectId);
        if (old == null) {
            return;
        }
        ProjectRef owner = byName.get(key(old.company(), name));
        if (owner != null && !owner.id().equals(projectId)) {
            throw ProjectNameRules.duplicate(old.company(), name);
        }
        drop(projectId);
        put(new ProjectRef(projectId, old.company(), name));
        onRollback(() -> {
            drop(projectId);
            put(old);
        });
    }

    @Override
    public synchronized void remove(String projectId) {
        ProjectRef old = drop(projectId);
        if (old != null) {
            onRollback(() -> put(old));
        }
    }

    public synchronized List<ProjectRef> all() {
        return List.copyOf(byId.values());
    }

    private void put(ProjectRef project) {
        byId.put(project.id(), project);
        byName.put(key(project.company(), project.name()), project);
    }

    private ProjectRef drop(String projectId) {
        ProjectRef old = byId.remove(projectId);
        if (old != null) {
            byName.remove(key(old.company(), old.name()));
        }
        return old;
    }

    private void onRollback(Runnable undo) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> {
            synchronized (this) {
                undo.run();
            }
        }));
    }

    private static String key(String company, String name) {
        return company + '\u0000' + name;
    }
}
