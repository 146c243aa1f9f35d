package io.xstore.command.project;

import java.util.List;
import java.util.Optional;

/**
 * The set-based view of projects the command side needs: unique full names per company, ids, and the hierarchy by
 * name prefix. Written only by {@link ProjectNamesProjector}, in the unit of work that appends the project events, so
 * it is always consistent with the event store.
 */
public interface ProjectNames {

    Optional<ProjectRef> byId(String projectId);

    Optional<ProjectRef> byName(String company, String name);

    /** Every project below {@code name}, parents before their children. */
    List<ProjectRef> descendants(String company, String name);

    /** Adds a name; throws the 400/801 duplicate error when the company already has it. */
    void add(ProjectRef project);

    void rename(String projectId, String name);

    void remove(String projectId);

    /** The project now belongs to {@code company} ("" when it was made public); its name goes with it. */
    default void changeCompany(String projectId, String company) {
        byId(projectId).ifPresent(old -> {
            remove(projectId);
            add(new ProjectRef(projectId, company, old.name()));
        });
    }
}
