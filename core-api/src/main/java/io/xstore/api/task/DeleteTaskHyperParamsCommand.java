package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** tasks.delete_hyper_params: a null name deletes the whole section. */
public record DeleteTaskHyperParamsCommand(@TargetAggregateIdentifier String taskId, List<HyperParamRef> hyperparams,
                                           boolean force, AuditEntry audit) {
}
