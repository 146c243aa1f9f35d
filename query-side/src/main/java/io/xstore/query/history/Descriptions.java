package io.xstore.query.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The one-line, plain-words description of a history entry (docs/api/history.md), made from its kind and changes:
 * "status in_progress → completed", "hyperparameter Args/lr 0.1 → 0.01", "tag `best` added", "moved from project A
 * to B". At most three phrases, then "and N more changes".
 */
final class Descriptions {

    private static final int MAX_PHRASES = 3;
    private static final int MAX_VALUE = 60;
    /** Fields that come along with a status change: described only when nothing else changed. */
    private static final Set<String> SECONDARY = Set.of("status_reason", "status_message", "status_changed",
            "started", "completed", "published", "active_duration", "last_worker", "last_worker_report");

    private Descriptions() {
    }

    /**
     * @param names the display name of a project id (the id itself when unknown)
     */
    static String of(String entityType, String kind, List<Change> changes, Function<String, String> names) {
        if ("created".equals(kind)) {
            Object name = changes.stream().filter(c -> "name".equals(c.field())).map(Change::after)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            return name == null ? entityType + " created" : entityType + " `" + name + "` created";
        }
        if ("deleted".equals(kind) || "merged".equals(kind)) {
            return entityType + " " + kind;
        }
        List<Change> primary = changes.stream().filter(c -> !SECONDARY.contains(c.field())).toList();
        List<Change> shown = primary.isEmpty() ? changes : primary;
        List<String> phrases = new ArrayList<>();
        for (Change change : shown) {
            phrases.addAll(phrases(change, names));
        }
        phrases = phrases.stream().distinct().toList();
        if (phrases.isEmpty()) {
            return kind.replace('_', ' ');
        }
        if (phrases.size() <= MAX_PHRASES) {
            return String.join("; ", phrases);
        }
        int more = phrases.size() - MAX_PHRASES;
        return String.join("; ", phrases.subList(0, MAX_PHRASES)) + " and " + more + " more change"
                + (more == 1 ? "" : "s");
    }

    /** "metrics reported 412 times, iteration 0 → 4100". */
    static String progress(String kind, int count, List<Change> changes) {
        String what = "iteration_reported".equals(kind) ? "iteration reported " : "metrics reported ";
        StringBuilder text = new StringBuilder(what).append(count).append(count == 1 ? " time" : " times");
        changes.stream().filter(c -> "last_iteration".equals(c.field())).findFirst().ifPresent(c ->
                text.append(", iteration ").append(show(c.before() == null ? 0 : c.before())).append(" → ")
                        .append(show(c.after())));
        return text.toString();
    }

    private static List<String> phrases(Change change, Function<String, String> names) {
        String field = change.field();
        Object a = change.before();
        Object b = change.after();
        if (field.equals("tags") || field.equals("system_tags")) {
            String label = field.equals("tags") ? "tag" : "system tag";
            List<String> out = new ArrayList<>();
            Collection<?> was = a instanceof Collection<?> c ? c : List.of();
            Collection<?> now = b instanceof Collection<?> c ? c : List.of();
            now.stream().filter(t -> !was.contains(t)).forEach(t -> out.add(label + " `" + t + "` added"));
            was.stream().filter(t -> !now.contains(t)).forEach(t -> out.add(label + " `" + t + "` removed"));
            return out;
        }
        if (field.equals("project")) {
            if (a == null) {
                return List.of("moved to project " + names.apply(String.valueOf(b)));
            }
            if (b == null) {
                return List.of("moved from project " + names.apply(String.valueOf(a)) + " to the root");
            }
            return List.of("moved from project " + names.apply(String.valueOf(a)) + " to "
                    + names.apply(String.valueOf(b)));
        }
        if (field.equals("name")) {
            return List.of(a == null ? "named `" + b + "`" : "renamed `" + a + "` → `" + b + "`");
        }
        if (field.equals("status")) {
            return List.of("status " + show(a) + " → " + show(b));
        }
        if (field.equals("execution.queue")) {
            return List.of(b == null ? "dequeued from `" + a + "`" : "enqueued to `" + b + "`");
        }
        if (field.equals("last_iteration")) {
            return List.of("iteration " + show(a) + " → " + show(b));
        }
        if (field.equals("hyperparams")) {
            return List.of(addedRemoved("hyperparameters", a, b, "changed"));
        }
        if (field.startsWith("hyperparams.")) {
            return List.of(hyperparam(field.substring("hyperparams.".length()).split("\\."), a, b));
        }
        if (field.startsWith("configuration.")) {
            String name = field.substring("configuration.".length()).split("\\.")[0];
            return List.of(addedRemoved("configuration `" + name + "`", a, b, "changed"));
        }
        if (field.startsWith("execution.artifacts[")) {
            return List.of(addedRemoved("artifact `" + item(field) + "`", a, b, "updated"));
        }
        if (field.startsWith("models.input[") || field.startsWith("models.output[")) {
            String type = field.startsWith("models.input") ? "input" : "output";
            return List.of(type + " model `" + item(field) + "` "
                    + (a == null ? "attached" : b == null ? "detached" : "updated"));
        }
        if (field.startsWith("credentials.")) {
            String[] parts = field.split("\\.", 3);
            String key = parts[1];
            if (parts.length == 2) {
                return List.of(a == null ? "credentials `" + key + "` created" : b == null
                        ? "credentials `" + key + "` revoked" : "credentials `" + key + "` changed");
            }
            return List.of("credentials `" + key + "` " + parts[2] + " " + show(a) + " → " + show(b));
        }
        if (a == null) {
            return List.of(field + " set to " + show(b));
        }
        if (b == null) {
            return List.of(field + " " + show(a) + " removed");
        }
        return List.of(field + " " + show(a) + " → " + show(b));
    }

    /** {@code [Args, lr, value]}: "hyperparameter Args/lr 0.1 → 0.01"; a whole parameter or section added, removed. */
    private static String hyperparam(String[] parts, Object a, Object b) {
        if (parts.length == 1) {
            return addedRemoved("hyperparameter section " + parts[0], a, b, "changed");
        }
        String name = "hyperparameter " + parts[0] + "/" + parts[1];
        if (parts.length == 2) {
            if (a == null && b instanceof Map<?, ?> param) {
                return name + " added (" + show(param.get("value")) + ")";
            }
            return addedRemoved(name, a, b, "changed");
        }
        String leaf = parts[parts.length - 1];
        String label = "value".equals(leaf) ? name : name + " " + leaf;
        return label + " " + show(a) + " → " + show(b);
    }

    private static String addedRemoved(String what, Object a, Object b, String changed) {
        return what + " " + (a == null ? "added" : b == null ? "removed" : changed);
    }

    private static String item(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']', open);
        return close < 0 ? field.substring(open + 1) : field.substring(open + 1, close);
    }

    /** A value in a description: short, with {@code (none)} for absent and {…}/[…] for long structures. */
    static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = value instanceof Map<?, ?> map && !map.isEmpty() ? "{…}" : String.valueOf(value);
        if (value instanceof String s && s.isEmpty()) {
            text = "\"\"";
        }
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
    }
}
