package io.xstore.server.rpc.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Set;

/**
 * Task shapes of old API versions (docs/api/versions.md): below 2.9 a task answers its legacy hyperparameters as
 * {@code execution.parameters} and its legacy configuration as {@code execution.model_desc}; below 2.13 a task has
 * one input model ({@code execution.model}), one output model ({@code output.model}) and a {@code
 * execution.docker_cmd} instead of {@code container}.
 */
final class LegacyTaskShapes {

    static final String INPUT_ENTRY = "Input Model";
    static final String OUTPUT_ENTRY = "Output Model";
    private static final String LEGACY = "legacy";
    private static final String TF_DEFINE = "TF_DEFINE";
    private static final Set<String> WRITES = Set.of("tasks.create", "tasks.edit", "tasks.validate");

    private LegacyTaskShapes() {
    }

    static boolean returnsTasks(String endpoint) {
        return endpoint.startsWith("tasks.get_");
    }

    static boolean takesOrReturnsTasks(String endpoint) {
        return WRITES.contains(endpoint) || returnsTasks(endpoint);
    }

    // ---- below 2.9

    /** Adds {@code execution.parameters} and {@code execution.model_desc} to every task of the answer. */
    static void parametersOut(JsonNode data) {
        forEachTask(data, task -> {
            ObjectNode parameters = task.objectNode();
            JsonNode hyperparams = task.get("hyperparams");
            if (hyperparams != null && hyperparams.isObject()) {
                hyperparams.properties().forEach(section -> section.getValue().properties().forEach(param -> {
                    JsonNode item = param.getValue();
                    if (LEGACY.equals(item.path("type").asText())) {
                        String name = item.path("name").asText(param.getKey());
                        parameters.set(TF_DEFINE.equals(section.getKey()) ? TF_DEFINE + "/" + name : name,
                                item.path("value"));
                    }
                }));
            }
            ObjectNode modelDesc = task.objectNode();
            JsonNode configuration = task.get("configuration");
            if (configuration != null && configuration.isObject()) {
                configuration.properties().forEach(entry -> {
                    if (LEGACY.equals(entry.getValue().path("type").asText())) {
                        modelDesc.set(entry.getValue().path("name").asText(entry.getKey()),
                                entry.getValue().path("value"));
                    }
                });
            }
            if (hyperparams != null || configuration != null) {
                ObjectNode execution = execution(task);
                if (hyperparams != null) {
                    execution.set("parameters", parameters);
                }
                if (configuration != null) {
                    execution.set("model_desc", modelDesc);
                }
            }
        });
    }

    // ---- below 2.13

    /** {@code execution.model}, {@code output.model} and {@code execution.docker_cmd} in today's fields. */
    static void modelsIn(ObjectNode body) {
        ObjectNode execution = body.get("execution") instanceof ObjectNode e ? e : null;
        ObjectNode output = body.get("output") instanceof ObjectNode o ? o : null;
        ObjectNode models = body.get("models") instanceof ObjectNode m ? m : body.objectNode();
        String input = execution == null ? null : text(execution.remove("model"));
        String outputModel = output == null ? null : text(output.remove("model"));
        if (input != null && !models.has("input")) {
            models.set("input", entry(models, INPUT_ENTRY, input));
        }
        if (outputModel != null && !models.has("output")) {
            models.set("output", entry(models, OUTPUT_ENTRY, outputModel));
        }
        if (!models.isEmpty()) {
            body.set("models", models);
        }
        String dockerCmd = execution == null ? null : text(execution.remove("docker_cmd"));
        if (dockerCmd != null && !body.has("container")) {
            String[] parts = dockerCmd.strip().split("\\s+", 2);
            ObjectNode container = body.objectNode();
            container.put("image", parts[0]);
            container.put("arguments", parts.length > 1 ? parts[1] : "");
            body.set("container", container);
        }
    }

    /** Every task of the answer gets its first input model, last output model and docker command back. */
    static void modelsOut(JsonNode data) {
        forEachTask(data, task -> {
            JsonNode models = task.get("models");
            if (models != null && models.isObject()) {
                JsonNode input = models.path("input");
                if (input.isArray() && !input.isEmpty()) {
                    execution(task).set("model", input.get(0).path("model"));
                }
                JsonNode output = models.path("output");
                if (output.isArray() && !output.isEmpty()) {
                    ObjectNode out = task.get("output") instanceof ObjectNode o ? o : task.putObject("output");
                    out.set("model", output.get(output.size() - 1).path("model"));
                }
            }
            JsonNode container = task.get("container");
            if (container != null && container.isObject() && container.hasNonNull("image")
                    && !container.get("image").asText().isEmpty()) {
                String arguments = container.path("arguments").asText("");
                execution(task).put("docker_cmd", arguments.isEmpty() ? container.get("image").asText()
                        : container.get("image").asText() + " " + arguments);
            }
        });
    }

    // ---- helpers

    /** The task objects of a tasks.get_* answer: {@code task} and the items of {@code tasks}. */
    private static void forEachTask(JsonNode data, java.util.function.Consumer<ObjectNode> action) {
        if (data == null || !data.isObject()) {
            return;
        }
        if (data.get("task") instanceof ObjectNode task) {
            action.accept(task);
        }
        if (data.get("tasks") instanceof ArrayNode tasks) {
            for (Iterator<JsonNode> it = tasks.elements(); it.hasNext(); ) {
                if (it.next() instanceof ObjectNode task) {
                    action.accept(task);
                }
            }
        }
    }

    private static ObjectNode execution(ObjectNode task) {
        return task.get("execution") instanceof ObjectNode e ? e : task.putObject("execution");
    }

    private static ArrayNode entry(ObjectNode factory, String name, String model) {
        ArrayNode list = factory.arrayNode();
        if (!model.isEmpty()) {
            list.add(factory.objectNode().put("name", name).put("model", model));
        }
        return list;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
