package io.xstore.server.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiError;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a call's parameters the way ClearML does: a JSON body on any method (json-lines for batches), then the
 * query-string parameters merged over it with ClearML's value conversion.
 */
public record RequestBody(ObjectNode fields, List<JsonNode> batch) {

    private static final Pattern INT = Pattern.compile("\\d+");
    private static final Pattern FLOAT = Pattern.compile("\\d+\\.\\d+");

    public static RequestBody read(HttpServletRequest request, ObjectMapper mapper) throws IOException {
        byte[] raw = request.getInputStream().readAllBytes();
        String text = new String(raw, StandardCharsets.UTF_8);
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        ObjectNode fields;
        List<JsonNode> batch = null;
        if (contentType.startsWith("application/json-lines")) {
            batch = readLines(text, mapper);
            fields = JsonNodeFactory.instance.objectNode();
        } else {
            fields = readObject(text, mapper);
        }
        mergeQueryString(request.getParameterMap(), fields);
        return new RequestBody(fields, batch);
    }

    private static ObjectNode readObject(String text, ObjectMapper mapper) {
        if (text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node = parse(text, mapper);
        if (!node.isObject()) {
            throw ApiError.BAD_REQUEST.toException("Invalid request body: expected a JSON object");
        }
        return (ObjectNode) node;
    }

    private static List<JsonNode> readLines(String text, ObjectMapper mapper) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parse(line, mapper);
            if (!node.isObject()) {
                throw ApiError.BAD_REQUEST.toException("Invalid json-lines body: every line must be a JSON object");
            }
            lines.add(node);
        }
        return lines;
    }

    private static JsonNode parse(String text, ObjectMapper mapper) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.BAD_REQUEST.toException("Invalid JSON in request body: " + e.getOriginalMessage());
        }
    }

    /** Query-string values win over the body; dotted keys nest, repeated or {@code []} keys become lists. */
    static void mergeQueryString(Map<String, String[]> parameters, ObjectNode target) {
        parameters.forEach((rawKey, values) -> {
            boolean list = rawKey.endsWith("[]") || values.length > 1;
            String key = rawKey.endsWith("[]") ? rawKey.substring(0, rawKey.length() - 2) : rawKey;
            String[] path = key.split("\\.");
            ObjectNode parent = target;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
            }
            String leaf = path[path.length - 1];
            if (list) {
                ArrayNode array = parent.putArray(leaf);
                for (String value : values) {
                    array.add(convert(value));
                }
            } else {
                parent.set(leaf, convert(values[0]));
            }
        });
    }

    static JsonNode convert(String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (INT.matcher(value).matches()) {
            try {
                return f.numberNode(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                return f.textNode(value);
            }
        }
        if (FLOAT.matcher(value).matches()) {
            return f.numberNode(Double.parseDouble(value));
        }
        if (value.equals("true") || value.equals("True") || value.equals("TRUE")) {
            return f.booleanNode(true);
        }
        if (value.equals("false") || value.equals("False") || value.equals("FALSE")) {
            return f.booleanNode(false);
        }
        return f.textNode(value);
    }
}
