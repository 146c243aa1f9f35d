package io.xstore.command.project;

import java.util.List;

/** Where a project hangs in the hierarchy: its direct parent (null at top level) and all ancestor ids, root first. */
public record ProjectLocation(String parent, List<String> path) {

    public static final ProjectLocation TOP = new ProjectLocation(null, List.of());
}
