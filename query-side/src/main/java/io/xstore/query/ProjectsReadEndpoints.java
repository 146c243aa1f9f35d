package io.xstore.query;

import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import io.xstore.query.projects.ParameterQueries;
import io.xstore.query.projects.ProjectDeleteCheck;
import io.xstore.query.projects.ProjectLookups;
import io.xstore.query.projects.ProjectSearch;
import io.xstore.query.projects.ProjectsGetAllEx;
import io.xstore.query.projects.TagQueries;
import io.xstore.query.history.AsOfStates;
import io.xstore.query.history.HistoryEntity;
import io.xstore.readmodel.Collections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Read endpoints of the {@code projects} service (docs/api/projects.md). */
@Component
public class ProjectsReadEndpoints {

    private final ReadModelQuery query;
    private final ProjectsGetAllEx getAllEx;
    private final ProjectDeleteCheck deleteCheck;
    private final TagQueries tags;
    private final ProjectLookups lookups;
    private final ParameterQueries parameters;
    private final AsOfStates asOf;

    public ProjectsReadEndpoints(ReadModelQuery query, ProjectsGetAllEx getAllEx, ProjectDeleteCheck deleteCheck,
                                 TagQueries tags, ProjectLookups lookups, ParameterQueries parameters) {
        this(query, getAllEx, deleteCheck, tags, lookups, parameters, null);
    }

    @Autowired
    public ProjectsReadEndpoints(ReadModelQuery query, ProjectsGetAllEx getAllEx, ProjectDeleteCheck deleteCheck,
                                 TagQueries tags, ProjectLookups lookups, ParameterQueries parameters,
                                 AsOfStates asOf) {
        this.asOf = asOf;
        this.query = query;
        this.getAllEx = getAllEx;
        this.deleteCheck = deleteCheck;
        this.tags = tags;
        this.lookups = lookups;
        this.parameters = parameters;
    }

    @ApiEndpoint("projects.get_by_id")
    public Object getById(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "project");
        Scope scope = Scope.withPublic(ctx.company());
        Map<String, Object> project = (AsOfStates.requested(ctx.body())
                ? query.render(TasksReadEndpoints.pastState(asOf, HistoryEntity.PROJECT, id, ctx.body()), scope)
                : query.findById(EntitySpecs.PROJECT, id, scope))
                .orElseThrow(() -> ApiError.INVALID_PROJECT_ID.toException(Map.of("id", id)));
        return Map.of("project", project);
    }

    @ApiEndpoint("projects.get_all")
    public Object getAll(CallContext ctx) {
        boolean searchHidden = Fields.optBool(ctx.body(), "search_hidden", false);
        return query.getAll(EntitySpecs.PROJECT,
                ProjectSearch.adjust(ctx.body(), Fields.optBool(ctx.body(), "shallow_search", false)),
                Scope.withPublic(ctx.company()), ReadRequests.visibility(ctx.body(), searchHidden, "id"), false)
                .toResponse("projects");
    }

    @ApiEndpoint("projects.get_all_ex")
    public Object getAllEx(CallContext ctx) {
        return getAllEx.run(ctx);
    }

    @ApiEndpoint("projects.validate_delete")
    public Object validateDelete(CallContext ctx) {
        return deleteCheck.check(ctx.company(), Fields.requireString(ctx.body(), "project"));
    }

    @ApiEndpoint(value = "projects.get_task_tags", since = "2.8")
    public Object getTaskTags(CallContext ctx) {
        return tags.entityTags(Collections.TASKS, ctx.company(), ctx.body());
    }

    @ApiEndpoint(value = "projects.get_model_tags", since = "2.8")
    public Object getModelTags(CallContext ctx) {
        return tags.entityTags(Collections.MODELS, ctx.company(), ctx.body());
    }

    @ApiEndpoint("projects.get_project_tags")
    public Object getProjectTags(CallContext ctx) {
        return tags.projectTags(ctx.company(), ctx.body());
    }

    @ApiEndpoint(value = "projects.get_task_parents", since = "2.12")
    public Object getTaskParents(CallContext ctx) {
        return Map.of("parents", lookups.taskParents(ctx.company(), ctx.body()));
    }

    @ApiEndpoint("projects.get_user_names")
    public Object getUserNames(CallContext ctx) {
        return Map.of("users", lookups.userNames(ctx.company(), ctx.body()));
    }

    @ApiEndpoint(value = "projects.get_hyper_parameters", since = "2.9")
    public Object getHyperParameters(CallContext ctx) {
        return parameters.hyperParameters(ctx.company(), ctx.body());
    }

    @ApiEndpoint(value = "projects.get_hyperparam_values", since = "2.13")
    public Object getHyperparamValues(CallContext ctx) {
        return parameters.hyperParamValues(ctx.company(), ctx.body());
    }

    @ApiEndpoint("projects.get_unique_metric_variants")
    public Object getUniqueMetricVariants(CallContext ctx) {
        return Map.of("metrics", parameters.metricVariants(ctx.company(), ctx.body()));
    }

    @ApiEndpoint("projects.get_model_metadata_keys")
    public Object getModelMetadataKeys(CallContext ctx) {
        return parameters.metadataKeys(ctx.company(), ctx.body());
    }

    @ApiEndpoint("projects.get_model_metadata_values")
    public Object getModelMetadataValues(CallContext ctx) {
        return parameters.metadataValues(ctx.company(), ctx.body());
    }
}
