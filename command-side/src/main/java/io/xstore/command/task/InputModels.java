package io.xstore.command.task;

/**
 * Whether a model a task names as input exists for the caller (its company's or a public one): tasks.create, edit and
 * validate, and clone with validate_references or new input models, refuse an unknown one with 400/201
 * (docs/api/behaviour-rules.md §5). Wired by the server; without a bean every model counts as existing.
 */
public interface InputModels {

    boolean exists(String modelId, String company);

    InputModels ANY = (modelId, company) -> true;
}
