package io.xstore.command.task;

import java.util.List;

/**
 * The steps of a pipeline: the tasks whose {@code parent} is the given task, when that task is of type
 * {@code controller} (else none). With {@code include_pipeline_steps}, tasks.stop, archive, unarchive_many and delete
 * of a controller apply to its steps too (docs/api/behaviour-rules.md §4). Wired by the server from the read model.
 */
public interface PipelineSteps {

    List<String> of(String taskId, String company);

    PipelineSteps NONE = (taskId, company) -> List.of();
}
