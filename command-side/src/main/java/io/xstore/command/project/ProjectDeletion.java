package io.xstore.command.project;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.DeleteModelCommand;
import io.xstore.api.model.MoveModelCommand;
import io.xstore.api.project.DeleteProjectCommand;
import io.xstore.protocol.ApiError;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code projects.delete}: the project and its whole sub-tree go; their tasks and models are deleted
 * ({@code delete_contents}) or taken out of any project. Without {@code force}, live (non-archived) tasks or models
 * block the deletion (400/402, 400/405).
 */
@Component
public class ProjectDeletion {

    private final CommandGateway commands;
    private final ProjectNames names;
    private final ProjectRelocation relocation;
    private final ObjectProvider<ProjectContents> contents;
    private final ObjectProvider<ProjectTaskOperations> taskOperations;

    public ProjectDeletion(CommandGateway commands, ProjectNames names, ProjectRelocation relocation,
                           ObjectProvider<ProjectContents> contents,
                           ObjectProvider<ProjectTaskOperations> taskOperations) {
        this.commands = commands;
        this.names = names;
        this.relocation = relocation;
        this.contents = contents;
        this.taskOperations = taskOperations;
    }

    public Map<String, Object> delete(String company, String projectId, boolean force, boolean deleteContents,
                                      boolean deleteExternalArtifacts, AuditEntry audit) {
        ProjectRef project = relocation.require(company, projectId);
        List<ProjectRef> subtree = new ArrayList<>();
        subtree.add(project);
        subtree.addAll(names.descendants(company, project.name()));
        ProjectContents inside = contents.getIfAvailable(() -> ProjectContents.EMPTY);
        ProjectTaskOperations tasks = taskOperations.getIfAvailable(() -> ProjectTaskOperations.NONE);

        if (!force) {
            List<ProjectRef> others = checkDatasetsAndPipelines(subtree, inside);
            long liveTasks = others.stream().mapToLong(p -> inside.taskCount(p.id())).sum();
            if (liveTasks > 0) {
                throw ApiError.PROJECT_HAS_TASKS.toException(Map.of("id", projectId, "tasks", liveTasks));
            }
            long liveModels = others.stream().mapToLong(p -> inside.modelCount(p.id())).sum();
            if (liveModels > 0) {
                throw ApiError.PROJECT_HAS_MODELS.toException(Map.of("id", projectId, "models", liveModels));
            }
        }

        int disassociatedTasks = 0;
        int deletedTasks = 0;
        int deletedModels = 0;
        List<String> modelUrls = new ArrayList<>();
        List<String> eventUrls = new ArrayList<>();
        List<String> artifactUrls = new ArrayList<>();
        for (ProjectRef p : subtree) {
            List<String> taskIds = inside.taskIds(p.id());
            List<String> modelIds = inside.modelIds(p.id());
            if (deleteContents) {
                ProjectTaskOperations.DeletedTasks deleted = tasks.deleteTasks(taskIds, deleteExternalArtifacts,
                        audit);
                deletedTasks += deleted.deleted();
                modelUrls.addAll(deleted.modelUrls());
                eventUrls.addAll(deleted.eventUrls());
                artifactUrls.addAll(deleted.artifactUrls());
                for (String modelId : modelIds) {
                    Object uri = commands.sendAndWait(new DeleteModelCommand(modelId, company, audit));
                    deletedModels++;
                    if (uri instanceof String url && !url.isEmpty()) {
                        modelUrls.add(url);
                    }
                }
            } else {
                disassociatedTasks += tasks.moveTasks(taskIds, null, audit);
                for (String modelId : modelIds) {
                    commands.sendAndWait(new MoveModelCommand(modelId, company, null, audit));
                }
            }
        }
        for (int i = subtree.size() - 1; i >= 0; i--) {
            commands.sendAndWait(new DeleteProjectCommand(subtree.get(i).id(), company, audit));
        }

        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("model_urls", modelUrls);
        urls.put("event_urls", eventUrls);
        urls.put("artifact_urls", artifactUrls);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deleted", subtree.size());
        result.put("disassociated_tasks", disassociatedTasks);
        result.put("deleted_tasks", deletedTasks);
        result.put("deleted_models", deletedModels);
        result.put("urls", urls);
        return result;
    }

    /**
     * Dataset and pipeline projects of the subtree (tagged {@code dataset} / {@code pipeline}, last path part not
     * {@code .datasets} / {@code .pipelines}) are checked first: a pipeline with a non-archived {@code controller}
     * task is 400/413, a dataset with any non-archived task 400/406 (docs/api/behaviour-rules.md §7). Answers the
     * other projects, which the 402/405 checks cover.
     */
    private static List<ProjectRef> checkDatasetsAndPipelines(List<ProjectRef> subtree, ProjectContents inside) {
        List<ProjectRef> others = new ArrayList<>();
        for (ProjectRef p : subtree) {
            List<String> tags = inside.systemTags(p.id());
            boolean pipeline = tags.contains("pipeline") && !p.basename().equals(".pipelines");
            boolean dataset = tags.contains("dataset") && !p.basename().equals(".datasets");
            if (pipeline && inside.taskCount(p.id(), "controller") > 0) {
                throw ApiError.PIPELINE_HAS_RUNS.toException(Map.of("id", p.id(), "name", p.name()));
            }
            if (dataset && inside.taskCount(p.id()) > 0) {
                throw ApiError.DATASET_HAS_VERSIONS.toException(Map.of("id", p.id(), "name", p.name()));
            }
            if (!pipeline && !dataset) {
                others.add(p);
            }
        }
        return others;
    }
}
