package io.xstore.command.task;

import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;

import java.util.List;
import java.util.function.Consumer;

/**
 * The steps of a pipeline: the tasks whose {@code parent} is the given task, when that task is of type
 * {@code controller} (else none). With {@code include_pipeline_steps}, tasks.stop, archive, unarchive_many and delete
 * of a controller apply to its steps too (docs/api/behaviour-rules.md §4). Wired by the server from the read model.
 */
public interface PipelineSteps {

    List<String> of(String taskId, String company);

    /**
     * With {@code include_pipeline_steps} in the request, applies the operation to each step of the task first; a
     * step the operation does not apply to (wrong status, gone) is skipped - the call answers for the controller.
     */
    default void forEachStep(String task, CallContext ctx, Consumer<String> operation) {
        if (!Fields.optBool(ctx.body(), "include_pipeline_steps", false)) {
            return;
        }
        for (String step : of(task, ctx.company())) {
            try {
                operation.accept(step);
            } catch (ApiException e) {
                // the step keeps its state
            }
        }
    }

    PipelineSteps NONE = (taskId, company) -> List.of();
}
