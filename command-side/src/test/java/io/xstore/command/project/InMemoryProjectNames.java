package io.xstore.command.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ProjectNames} in memory, with the same duplicate rule as the table; for tests. */
public class InMemoryProjectNames implements ProjectNames {

    private final Map<String, ProjectRef> byId = new LinkedHashMap<>();
    /** Makes name look-ups miss, as a read racing with a concurrent creation would; the writes still check. */
    public volatile boolean staleReads;

    public InMemoryProjectNames with(String id, String company, String name) {
        add(new ProjectRef(id, company, name));
        return this;
    }

    @Override
    public synchronized Optional<ProjectRef> byId(String projectId) {
        return Optional.ofNullable(byId.get(projectId));
    }

    @Override
    public synchronized Optional<ProjectRef> byName(String company, String name) {
        return staleReads ? Optional.empty() : find(company, name);
    }

    private Optional<ProjectRef> find(String company, String name) {
        return byId.values().stream().filter(p -> p.company().equals(company) && p.name().equals(name)).findFirst();
    }

    @Override
    public synchronized List<ProjectRef> descendants(String company, String name) {
        return byId.values().stream()
                .filter(p -> p.company().equals(company) && p.name().startsWith(name + "/"))
                .sorted(Comparator.comparing(ProjectRef::name))
                .toList();
    }

    @Override
    public synchronized void add(ProjectRef project) {
        if (find(project.company(), project.name()).isPresent()) {
            throw ProjectNameRules.duplicate(project.company(), project.name());
        }
        byId.put(project.id(), project);
    }

    @Override
    public synchronized void rename(String projectId, String name) {
        ProjectRef project = byId.get(projectId);
        if (find(project.company(), name).filter(other -> !other.id().equals(projectId)).isPresent()) {
            throw ProjectNameRules.duplicate(project.company(), name);
        }
        byId.put(projectId, new ProjectRef(projectId, project.company(), name));
    }

    @Override
    public synchronized void remove(String projectId) {
        byId.remove(projectId);
    }

    public synchronized List<ProjectRef> all() {
        return new ArrayList<>(byId.values());
    }
}
