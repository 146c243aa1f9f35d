package io.xstore.query.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.EntitySpec;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.JsonValues;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code organization} service (docs/api/organization.md): the tags used across the company's tasks
 * and models, the caller's company, and entity counts for the dashboard.
 */
@Component
public class OrganizationEndpoints {

    private final ReadModelQuery query;

    public OrganizationEndpoints(ReadModelQuery query) {
        this.query = query;
    }

    /** {@code tags} (and {@code system_tags} with include_system) of the company's tasks and models. */
    @ApiEndpoint(value = "organization.get_tags", since = "2.8")
    public Object getTags(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<Bson> filter = new ArrayList<>(List.of(Scope.companyOnly(ctx.company()).toFilter()));
        ObjectNode tagFilter = Fields.optObject(body, "filter");
        if (tagFilter != null) {
            for (String field : List.of("tags", "system_tags")) {
                JsonNode values = tagFilter.get(field);
                if (JsonValues.truthy(values)) {
                    filter.add(FilterBuilder.fieldFilter(field, values));
                }
            }
        }
        Bson combined = FilterBuilder.and(filter);
        boolean includeSystem = Fields.optBool(body, "include_system", false);
        TreeSet<String> tags = new TreeSet<>();
        TreeSet<String> systemTags = new TreeSet<>();
        for (EntitySpec spec : List.of(EntitySpecs.TASK, EntitySpecs.MODEL)) {
            tags.addAll(DistinctValues.of(query.collection(spec), "tags", combined));
            if (includeSystem) {
                systemTags.addAll(DistinctValues.of(query.collection(spec), "system_tags", combined));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tags", new ArrayList<>(tags));
        if (includeSystem) {
            out.put("system_tags", new ArrayList<>(systemTags));
        }
        return out;
    }

    /** The caller's own company (this server has one per user): id, name, allocated users, owners. */
    @ApiEndpoint(value = "organization.get_user_companies", since = "2.12")
    public Object getUserCompanies(CallContext ctx) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("id", ctx.company());
        company.put("name", ctx.caller().companyName());
        company.put("allocated", (int) query.collection(EntitySpecs.USER)
                .countDocuments(Filters.eq("company", ctx.company())));
        company.put("owners", List.of());
        return Map.of("companies", List.of(company));
    }

    /**
     * For each entity kind named in the request (its value a get_all filter object): how many of the caller's
     * company's entities match. Kinds: projects, experiments (tasks but reports), models, reports (tasks of type
     * report), pipelines and datasets (projects with that system tag).
     */
    @ApiEndpoint(value = "organization.get_entities_count", since = "2.20")
    public Object getEntitiesCount(CallContext ctx) {
        ObjectNode body = ctx.body();
        Scope scope = Scope.companyOnly(ctx.company());
        Map<String, Object> out = new LinkedHashMap<>();
        count(out, body, "projects", EntitySpecs.PROJECT, null, scope);
        count(out, body, "experiments", EntitySpecs.TASK, Filters.ne("type", "report"), scope);
        count(out, body, "models", EntitySpecs.MODEL, null, scope);
        count(out, body, "reports", EntitySpecs.TASK, Filters.eq("type", "report"), scope);
        count(out, body, "pipelines", EntitySpecs.PROJECT, Filters.eq("system_tags", "pipeline"), scope);
        count(out, body, "datasets", EntitySpecs.PROJECT, Filters.eq("system_tags", "dataset"), scope);
        return out;
    }

    private void count(Map<String, Object> out, ObjectNode body, String kind, EntitySpec spec, Bson extra,
                       Scope scope) {
        JsonNode request = body.get(kind);
        if (request == null || request.isNull()) {
            return;
        }
        if (!request.isObject()) {
            throw Fields.wrongType(kind, "an object of get_all filters");
        }
        List<Bson> filter = new ArrayList<>(List.of(scope.toFilter(), FilterBuilder.build(spec, (ObjectNode) request)));
        if (extra != null) {
            filter.add(extra);
        }
        out.put(kind, query.collection(spec).countDocuments(FilterBuilder.and(filter)));
    }
}
