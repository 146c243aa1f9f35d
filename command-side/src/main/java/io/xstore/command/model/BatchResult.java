package io.xstore.command.model;

import io.xstore.protocol.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code *_many} response shape ({@code protocol.md} §6.8): every id is processed on its own; an API error for
 * one id lands in {@code failed} and the call still succeeds.
 */
final class BatchResult {

    private BatchResult() {
    }

    static Map<String, Object> run(List<String> ids, Function<String, Map<String, Object>> operation) {
        List<Map<String, Object>> succeeded = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (String id : ids) {
            try {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", id);
                item.putAll(operation.apply(id));
                succeeded.add(item);
            } catch (RuntimeException e) {
                ApiException error = ModelCommands.apiError(e);
                if (error == null) {
                    throw e;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("codes", List.of(error.code(), error.subcode()));
                details.put("msg", error.getMessage());
                details.put("data", error.data());
                failed.add(Map.of("id", id, "error", details));
            }
        }
        return Map.of("succeeded", succeeded, "failed", failed);
    }
}
