package io.xstore.server.events;

import io.xstore.api.metrics.TargetMetrics;
import io.xstore.api.model.RecordModelMetricsCommand;
import io.xstore.api.task.RecordTaskMetricsCommand;
import io.xstore.projection.metrics.SummarySink;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feeds what the indexer learned back to the task (or model) aggregate, so it becomes a domain event. */
class CommandSummarySink implements SummarySink {

    private static final Logger log = LoggerFactory.getLogger(CommandSummarySink.class);

    private final CommandGateway commands;

    CommandSummarySink(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void publish(TargetMetrics metrics) {
        Object command = metrics.model()
                ? new RecordModelMetricsCommand(metrics.target(), metrics.lastIteration(), metrics.metrics(),
                metrics.activity(), metrics.audit())
                : new RecordTaskMetricsCommand(metrics.target(), metrics.lastIteration(), metrics.metrics(),
                metrics.activity(), metrics.audit());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.info("metric summary of {} {} not recorded: {}", metrics.model() ? "model" : "task",
                    metrics.target(), e.getMessage());
        }
    }
}
