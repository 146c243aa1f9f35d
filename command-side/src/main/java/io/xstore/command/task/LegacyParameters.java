package io.xstore.command.task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-2.9 clients send flat {@code execution.parameters} ({@code {"Args/lr": "0.1"}}) and
 * {@code execution.model_desc}; they are stored as hyperparams and configuration items of type {@code legacy}.
 */
final class LegacyParameters {

    private static final String DEFAULT_SECTION = "Args";

    private LegacyParameters() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toHyperParams(Map<?, ?> parameters) {
        Map<String, Object> sections = new LinkedHashMap<>();
        parameters.forEach((fullName, value) -> {
            String text = String.valueOf(fullName);
            int slash = text.indexOf('/');
            String section = slash > 0 ? text.substring(0, slash) : DEFAULT_SECTION;
            String name = slash > 0 ? text.substring(slash + 1) : text;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("section", section);
            item.put("name", name);
            item.put("value", value == null ? "" : String.valueOf(value));
            item.put("type", "legacy");
            ((Map<String, Object>) sections.computeIfAbsent(section, s -> new LinkedHashMap<>())).put(name, item);
        });
        return sections;
    }

    static Map<String, Object> toConfiguration(Map<?, ?> modelDesc) {
        Map<String, Object> items = new LinkedHashMap<>();
        modelDesc.forEach((name, value) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", String.valueOf(name));
            item.put("value", value == null ? "" : String.valueOf(value));
            item.put("type", "legacy");
            items.put(String.valueOf(name), item);
        });
        return items;
    }
}
