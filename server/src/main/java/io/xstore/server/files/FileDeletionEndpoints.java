package io.xstore.server.files;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Not ClearML endpoints: what became of the files of deleted tasks and models.
 * <pre>
 *   files.get_deletions   {owner?, owner_kind?, status?, page?, page_size?} → {deletions: [...], total}
 *   files.retry_deletions {owner?}                                           → {requeued: n} (failed → pending)
 * </pre>
 * {@code owner} and {@code status} take a string or a list. Only the caller's company is visible.
 */
@Component
public class FileDeletionEndpoints {

    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final FileDeletionQueue queue;
    private final FileDeletionWorker worker;

    public FileDeletionEndpoints(FileDeletionQueue queue, FileDeletionWorker worker) {
        this.queue = queue;
        this.worker = worker;
    }

    @ApiEndpoint("files.get_deletions")
    public Object getDeletions(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(FileDeletionQueue.COMPANY, ctx.company())));
        List<String> owners = Fields.optStringList(body, "owner");
        if (owners != null) {
            filters.add(Filters.in(FileDeletionQueue.OWNER_ID, owners));
        }
        String ownerKind = Fields.optString(body, "owner_kind");
        if (ownerKind != null) {
            filters.add(Filters.eq(FileDeletionQueue.OWNER_KIND, ownerKind));
        }
        List<String> statuses = Fields.optStringList(body, "status");
        if (statuses != null) {
            List<String> wire = new ArrayList<>();
            for (String status : statuses) {
                wire.add(DeletionStatus.fromWire(status).orElseThrow(() -> ApiError.VALIDATION_ERROR.toException(
                        "status must be one of pending, done, failed, skipped", Map.of("status", status)))
                        .wire());
            }
            filters.add(Filters.in(FileDeletionQueue.STATUS, wire));
        }
        int page = nonNegative(body, "page", 0);
        int pageSize = Math.min(nonNegative(body, "page_size", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
        Bson filter = Filters.and(filters);
        int skip = (int) Math.min((long) page * pageSize, Integer.MAX_VALUE);
        List<Map<String, Object>> deletions = new ArrayList<>();
        for (Document stored : queue.find(filter, skip, pageSize)) {
            deletions.add(wire(stored));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deletions", deletions);
        result.put("total", queue.count(filter));
        return result;
    }

    @ApiEndpoint("files.retry_deletions")
    public Object retryDeletions(CallContext ctx) {
        long requeued = queue.requeueFailed(ctx.company(), Fields.optStringList(ctx.body(), "owner"), Instant.now());
        if (requeued > 0) {
            worker.wake();
        }
        return Map.of("requeued", requeued);
    }

    private static Map<String, Object> wire(Document stored) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", stored.get(FileDeletionQueue.ID));
        for (String field : List.of(FileDeletionQueue.URL, FileDeletionQueue.OWNER_KIND, FileDeletionQueue.OWNER_ID,
                FileDeletionQueue.STATUS, FileDeletionQueue.RESULT, FileDeletionQueue.LAST_ERROR,
                FileDeletionQueue.ATTEMPTS, FileDeletionQueue.REQUESTED, FileDeletionQueue.NEXT_ATTEMPT,
                FileDeletionQueue.FINISHED)) {
            item.put(field, stored.get(field));
        }
        return item;
    }

    private static int nonNegative(ObjectNode body, String field, int fallback) {
        Integer value = Fields.optInt(body, field);
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw ApiError.VALIDATION_ERROR.toException("must not be negative", Map.of("field", field));
        }
        return value;
    }
}
