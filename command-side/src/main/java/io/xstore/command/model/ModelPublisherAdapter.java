package io.xstore.command.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.PublishModelCommand;
import io.xstore.command.task.TaskModelPublisher;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.springframework.stereotype.Component;

/** Publishing a task publishes its output model; a model that is already ready (or gone) is left as it is. */
@Component
public class ModelPublisherAdapter implements TaskModelPublisher {

    private final ModelCommands commands;

    public ModelPublisherAdapter(ModelCommands commands) {
        this.commands = commands;
    }

    @Override
    public void publishModel(String modelId, AuditEntry audit) {
        try {
            commands.send(modelId, new PublishModelCommand(modelId, audit.companyId(), audit));
        } catch (ApiException e) {
            if (e.subcode() != ApiError.MODEL_IS_READY.subcode() && e.subcode() != ApiError.INVALID_MODEL_ID.subcode()) {
                throw e;
            }
        }
    }
}
