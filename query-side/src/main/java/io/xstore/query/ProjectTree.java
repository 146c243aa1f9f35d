package io.xstore.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projects visible to a caller, as a hierarchy. A project's descendants are found through the {@code parent}
 * links, the {@code path} ancestor lists and the full names ({@code a/b} is below {@code a}), so the tree holds
 * whichever of these the projection maintains.
 */
public final class ProjectTree {

    private final Map<String, ProjectNode> byId = new LinkedHashMap<>();

    public ProjectTree(Collection<ProjectNode> projects) {
        projects.forEach(p -> byId.put(p.id(), p));
    }

    public ProjectNode get(String id) {
        return byId.get(id);
    }

    public Collection<ProjectNode> all() {
        return byId.values();
    }

    /** All projects below {@code id}, at any depth. */
    public List<ProjectNode> descendants(String id) {
        ProjectNode root = byId.get(id);
        Set<String> found = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            ProjectNode currentNode = byId.get(current);
            String prefix = currentNode == null ? null : currentNode.name() + "/";
            for (ProjectNode p : byId.values()) {
                boolean below = current.equals(p.parent()) || p.path().contains(current)
                        || (prefix != null && p.name() != null && p.name().startsWith(prefix));
                if (below && !p.id().equals(id) && found.add(p.id())) {
                    queue.add(p.id());
                }
            }
        }
        List<ProjectNode> out = new ArrayList<>();
        found.forEach(f -> out.add(byId.get(f)));
        if (root != null) {
            out.remove(root);
        }
        return out;
    }

    /** The given ids plus the ids of all their descendants. */
    public Set<String> withDescendants(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>(ids);
        for (String id : ids) {
            descendants(id).forEach(p -> out.add(p.id()));
        }
        return out;
    }

    /** The given ids plus the ids of all their ancestors. */
    public Set<String> withAncestors(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            String current = id;
            while (current != null && !current.isEmpty() && out.add(current)) {
                ProjectNode node = byId.get(current);
                if (node == null) {
                    break;
                }
                current = node.parent() != null ? node.parent() : parentByName(node);
                node.path().forEach(out::add);
            }
        }
        return out;
    }

    private String parentByName(ProjectNode node) {
        if (node.name() == null || node.name().lastIndexOf('/') < 0) {
            return null;
        }
        String parentName = node.name().substring(0, node.name().lastIndexOf('/'));
        return byId.values().stream().filter(p -> parentName.equals(p.name())).map(ProjectNode::id)
                .findFirst().orElse(null);
    }
}
