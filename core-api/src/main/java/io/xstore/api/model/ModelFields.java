package io.xstore.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The settable fields of a model; in an edit, a null field is left unchanged. {@code design}, {@code labels},
 * {@code uiCache} and {@code metadata} are free-form JSON ({@code metadata}: key → {@code {key, type, value}}).
 */
public record ModelFields(String name, String uri, String framework, Map<String, Object> design,
                          Map<String, Object> labels, String comment, List<String> tags, List<String> systemTags,
                          String task, String project, String parent, Boolean ready, Instant created,
                          Map<String, Object> uiCache, Map<String, Object> metadata) {

    public static ModelFields none() {
        return new ModelFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public boolean changesNothing() {
        return equals(none());
    }

    public ModelFields withReady(Boolean value) {
        return new ModelFields(name, uri, framework, design, labels, comment, tags, systemTags, task, project, parent,
                value, created, uiCache, metadata);
    }

    public ModelFields withTask(String value) {
        return new ModelFields(name, uri, framework, design, labels, comment, tags, systemTags, value, project, parent,
                ready, created, uiCache, metadata);
    }

    public ModelFields withUiCache(Map<String, Object> value) {
        return new ModelFields(name, uri, framework, design, labels, comment, tags, systemTags, task, project, parent,
                ready, created, value, metadata);
    }
}
