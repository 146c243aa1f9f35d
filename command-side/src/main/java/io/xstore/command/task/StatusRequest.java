package io.xstore.command.task;

import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;

/** The common part of the status endpoints: {@code {task, force?, status_reason?, status_message?}}. */
record StatusRequest(String task, boolean force, String reason, String message) {

    static StatusRequest of(CallContext ctx) {
        return common(ctx).forTask(Fields.requireString(ctx.body(), "task"));
    }

    /** The options of a batch request, without a task. */
    static StatusRequest common(CallContext ctx) {
        return new StatusRequest(null, Fields.optBool(ctx.body(), "force", false),
                Fields.optString(ctx.body(), "status_reason"), Fields.optString(ctx.body(), "status_message"));
    }

    StatusRequest forTask(String id) {
        return new StatusRequest(id, force, reason, message);
    }
}
