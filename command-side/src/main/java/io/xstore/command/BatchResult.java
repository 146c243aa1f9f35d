package io.xstore.command;

import io.xstore.protocol.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code *_many} response shape ({@code docs/api/README.md}, Batch calls): every id is processed on its own;
 * results go to {@code succeeded} with the id first, and a client error for one id lands in {@code failed} while the
 * call still succeeds.
 */
public final class BatchResult {

    private BatchResult() {
    }

    /**
     * @param clientError the ClearML error a failure carries, or null when it is not a client error (then it
     *                    propagates and fails the whole call)
     */
    public static Map<String, Object> run(List<String> ids, Function<String, Map<String, Object>> operation,
                                          Function<RuntimeException, ApiException> clientError) {
        List<Map<String, Object>> succeeded = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (String id : ids) {
            try {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", id);
                item.putAll(operation.apply(id));
                succeeded.add(item);
            } catch (RuntimeException e) {
                ApiException error = clientError.apply(e);
                if (error == null) {
                    throw e;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("codes", List.of(error.code(), error.subcode()));
                details.put("msg", error.getMessage());
                details.put("data", error.data());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", id);
                item.put("error", details);
                failed.add(item);
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("succeeded", succeeded);
        response.put("failed", failed);
        return response;
    }
}
