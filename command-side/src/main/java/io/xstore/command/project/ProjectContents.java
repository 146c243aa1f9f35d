package io.xstore.command.project;

import java.util.List;

/**
 * What a project directly contains, as far as the read model knows (the project aggregate cannot see tasks or
 * models). Wired by the server from the read model; when no bean exists, projects count as empty.
 */
public interface ProjectContents {

    /** Tasks directly in the project that are not archived. */
    long taskCount(String projectId);

    /** Models directly in the project that are not archived. */
    long modelCount(String projectId);

    /** Every task directly in the project, archived ones included. */
    List<String> taskIds(String projectId);

    /** Every model directly in the project, archived ones included. */
    List<String> modelIds(String projectId);

    /** Non-archived tasks of this type ({@code controller}: pipeline runs) directly in the project. */
    default long taskCount(String projectId, String type) {
        return 0;
    }

    /** The project's system tags ({@code dataset}, {@code pipeline} mark those kinds of projects). */
    default List<String> systemTags(String projectId) {
        return List.of();
    }

    ProjectContents EMPTY = new ProjectContents() {
        @Override
        public long taskCount(String projectId) {
            return 0;
        }

        @Override
        public long modelCount(String projectId) {
            return 0;
        }

        @Override
        public List<String> taskIds(String projectId) {
            return List.of();
        }

        @Override
        public List<String> modelIds(String projectId) {
            return List.of();
        }
    };
}
