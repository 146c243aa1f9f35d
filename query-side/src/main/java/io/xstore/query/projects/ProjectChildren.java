package io.xstore.query.projects;

import io.xstore.query.ProjectNode;
import io.xstore.query.ProjectTree;
import io.xstore.query.ReadRequests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The subprojects counted with a project and listed in its {@code sub_projects}: all levels below it (as the
 * reference does), sorted by name, hidden ones only with search_hidden, restricted to a selection when given.
 */
final class ProjectChildren {

    private ProjectChildren() {
    }

    static Map<String, List<ProjectNode>> of(Collection<String> projectIds, ProjectTree tree, boolean include,
                                             boolean searchHidden, Set<String> allowedIds) {
        Map<String, List<ProjectNode>> out = new LinkedHashMap<>();
        for (String pid : projectIds) {
            List<ProjectNode> children = new ArrayList<>();
            if (include) {
                for (ProjectNode child : tree.descendants(pid)) {
                    if ((searchHidden || !child.hasSystemTag(ReadRequests.HIDDEN))
                            && (allowedIds == null || allowedIds.contains(child.id()))) {
                        children.add(child);
                    }
                }
            }
            children.sort(Comparator.comparing(p -> Objects.toString(p.name(), "")));
            out.put(pid, children);
        }
        return out;
    }

    static Map<String, List<Map<String, Object>>> asWire(Collection<String> projectIds,
                                                         Map<String, List<ProjectNode>> children) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String pid : projectIds) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ProjectNode child : children.getOrDefault(pid, List.of())) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", child.id());
                item.put("name", child.name());
                list.add(item);
            }
            out.put(pid, list);
        }
        return out;
    }
}
