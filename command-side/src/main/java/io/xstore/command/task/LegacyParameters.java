package io.xstore.command.task;

import io.xstore.api.task.TaskContent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Legacy hyperparameters and model description (docs/api/behaviour-rules.md §1): flat {@code execution.parameters}
 * and {@code execution.model_desc} always merge into {@code hyperparams} and {@code configuration} as items of type
 * {@code legacy}. A parameter goes to section {@code Args} under its whole name ({@code a/b} stays {@code a/b}),
 * except names starting {@code TF_DEFINE/}, which go to section {@code TF_DEFINE} without that prefix.
 */
final class LegacyParameters {

    static final String LEGACY_TYPE = "legacy";
    static final String DEFAULT_SECTION = "Args";
    static final String TF_DEFINE = "TF_DEFINE";

    private LegacyParameters() {
    }

    /** {@code hyperparams} with the legacy parameters added (a copy; {@code hyperparams} may be null). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeHyperParams(Map<String, Object> hyperparams, Map<?, ?> parameters) {
        Map<String, Object> sections = new LinkedHashMap<>();
        if (hyperparams != null) {
            hyperparams.forEach((section, params) -> sections.put(section, params instanceof Map<?, ?> map
                    ? new LinkedHashMap<>((Map<String, Object>) map) : params));
        }
        parameters.forEach((fullName, value) -> {
            String text = String.valueOf(fullName);
            boolean tf = text.startsWith(TF_DEFINE + "/");
            String section = tf ? TF_DEFINE : DEFAULT_SECTION;
            String name = tf ? text.substring(TF_DEFINE.length() + 1) : text;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("section", section);
            item.put("name", name);
            item.put("value", value == null ? "" : String.valueOf(value));
            item.put("type", LEGACY_TYPE);
            Object existing = sections.get(section);
            Map<String, Object> params = existing instanceof Map<?, ?> map ? (Map<String, Object>) map
                    : new LinkedHashMap<>();
            params.put(name, item);
            sections.put(section, params);
        });
        return sections;
    }

    /** {@code configuration} with the legacy model description items added (a copy; may be null). */
    static Map<String, Object> mergeConfiguration(Map<String, Object> configuration, Map<?, ?> modelDesc) {
        Map<String, Object> items = configuration == null ? new LinkedHashMap<>() : new LinkedHashMap<>(configuration);
        modelDesc.forEach((name, value) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", String.valueOf(name));
            item.put("value", value == null ? "" : String.valueOf(value));
            item.put("type", LEGACY_TYPE);
            items.put(String.valueOf(name), item);
        });
        return items;
    }

    /**
     * A legacy edit replaces only legacy items: when the edit's hyperparams (or configuration) hold nothing but
     * legacy items, they replace the current legacy items and every other item stays.
     */
    @SuppressWarnings("unchecked")
    static TaskContent keepOtherItems(TaskContent changes, TaskContent current) {
        TaskContent result = changes;
        if (onlyLegacy(changes.hyperparams(), true)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            if (current.hyperparams() != null) {
                current.hyperparams().forEach((section, params) -> {
                    if (params instanceof Map<?, ?> map) {
                        Map<String, Object> kept = new LinkedHashMap<>();
                        ((Map<String, Object>) map).forEach((name, item) -> {
                            if (!isLegacy(item)) {
                                kept.put(name, item);
                            }
                        });
                        if (!kept.isEmpty()) {
                            merged.put(section, kept);
                        }
                    }
                });
            }
            changes.hyperparams().forEach((section, params) -> {
                Map<String, Object> target = (Map<String, Object>) merged.computeIfAbsent(section,
                        s -> new LinkedHashMap<String, Object>());
                target.putAll((Map<String, Object>) params);
            });
            result = result.withHyperparams(merged);
        }
        if (onlyLegacy(changes.configuration(), false)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            if (current.configuration() != null) {
                current.configuration().forEach((name, item) -> {
                    if (!isLegacy(item)) {
                        merged.put(name, item);
                    }
                });
            }
            merged.putAll(changes.configuration());
            result = result.withConfiguration(merged);
        }
        return result;
    }

    private static boolean onlyLegacy(Map<String, Object> values, boolean sectioned) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        for (Object value : values.values()) {
            if (sectioned) {
                if (!(value instanceof Map<?, ?> params) || params.isEmpty()
                        || !params.values().stream().allMatch(LegacyParameters::isLegacy)) {
                    return false;
                }
            } else if (!isLegacy(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLegacy(Object item) {
        return item instanceof Map<?, ?> map && LEGACY_TYPE.equals(map.get("type"));
    }
}
