package io.xstore.query.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.protocol.RawResponse;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.EntitySpec;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * organization.prepare_download_for_get_all / download_for_get_all (docs/api/organization.md): the web UI's CSV export
 * of a task or model table. The prepared request is kept in memory for {@value #KEEP_SECONDS} s under the id of the
 * preparing call; the download runs it as get_all_ex, at most {@value #MAX_ITEMS} rows.
 */
@Component
public class OrganizationDownloads {

    static final long KEEP_SECONDS = 300;
    static final int PAGE_SIZE = 500;
    static final int MAX_ITEMS = 1000;

    /** One exported column: the field path in the document, its header, and value replacements. */
    private record Column(String header, String[] path, Map<String, String> values) {
    }

    private record Prepared(String company, ObjectNode body, Instant expires) {
    }

    private final ReadModelQuery query;
    private final ProjectHierarchy hierarchy;
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public OrganizationDownloads(ReadModelQuery query, ProjectHierarchy hierarchy) {
        this.query = query;
        this.hierarchy = hierarchy;
    }

    @ApiEndpoint(value = "organization.prepare_download_for_get_all", since = "2.26")
    public Object prepare(CallContext ctx) {
        ObjectNode body = ctx.body().deepCopy();
        spec(body);
        if (Fields.optStringList(body, "only_fields") == null) {
            throw ApiError.VALIDATION_ERROR.toException("only_fields is required", Map.of("field", "only_fields"));
        }
        columns(body);
        page(ctx.company(), body, 0, 1);
        Instant now = clock.instant();
        prepared.values().removeIf(p -> p.expires().isBefore(now));
        prepared.put(ctx.callId(), new Prepared(ctx.company(), body, now.plusSeconds(KEEP_SECONDS)));
        return Map.of("prepare_id", ctx.callId());
    }

    @ApiEndpoint(value = "organization.download_for_get_all", since = "2.26")
    public Object download(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "prepare_id");
        Prepared request = prepared.get(id);
        if (request == null || !request.company().equals(ctx.company())
                || request.expires().isBefore(clock.instant())) {
            throw ApiError.INVALID_ID.toException("prepare ID not found", Map.of("prepare_id", id));
        }
        ObjectNode body = request.body();
        List<Column> columns = columns(body);
        String entity = Fields.optString(body, "entity_type");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; rows.size() < MAX_ITEMS; page++) {
            List<Map<String, Object>> items = page(ctx.company(), body, page, Math.min(PAGE_SIZE,
                    MAX_ITEMS - rows.size()));
            rows.addAll(items);
            if (items.size() < PAGE_SIZE) {
                break;
            }
        }
        String project = projectName(body, ctx.company());
        String fileName = "clearml-" + (project == null ? "" : project + "-") + entity + "s.csv";
        return new RawResponse("text/csv", fileName, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\ufeff');
            writeRow(writer, columns.stream().map(Column::header).toList());
            for (Map<String, Object> row : rows) {
                writeRow(writer, columns.stream().map(c -> cell(row, c)).toList());
            }
            writer.flush();
        });
    }

    private List<Map<String, Object>> page(String company, ObjectNode prepared, int page, int size) {
        ObjectNode body = prepared.deepCopy();
        EntitySpec spec = spec(body);
        body.remove(List.of("entity_type", "field_mappings", "scroll_id", "size"));
        body.put("page", page);
        body.put("page_size", size);
        Scope scope = new Scope(company, Fields.optBool(body, "allow_public", true));
        Bson hidden = ReadRequests.visibility(body, Fields.optBool(body, "search_hidden", false), "id");
        return query.getAll(spec, ReadRequests.withSubprojects(body, hierarchy, scope), scope, hidden, true)
                .items();
    }

    private static EntitySpec spec(ObjectNode body) {
        String entity = Fields.optString(body, "entity_type");
        if ("task".equals(entity)) {
            return EntitySpecs.TASK;
        }
        if ("model".equals(entity)) {
            return EntitySpecs.MODEL;
        }
        throw ApiError.VALIDATION_ERROR.toException("entity_type must be task or model",
                Map.of("entity_type", String.valueOf(entity)));
    }

    /** The columns of {@code field_mappings}; a header or a value key given twice is 400/12. */
    private static List<Column> columns(ObjectNode body) {
        JsonNode mappings = body.get("field_mappings");
        if (mappings == null || !mappings.isArray()) {
            throw ApiError.VALIDATION_ERROR.toException("field_mappings is required (a list of {field, name?, "
                    + "values?})", Map.of("field", "field_mappings"));
        }
        List<Column> columns = new ArrayList<>();
        Set<String> headers = new HashSet<>();
        for (JsonNode mapping : mappings) {
            if (!mapping.isObject() || !mapping.path("field").isTextual()) {
                throw Fields.wrongType("field_mappings", "a list of {field, name?, values?}");
            }
            String field = mapping.get("field").asText();
            String header = mapping.path("name").isTextual() ? mapping.get("name").asText() : field;
            if (!headers.add(header)) {
                throw ApiError.VALIDATION_ERROR.toException("Field_name appears more than once in field_mappings: "
                        + header, Map.of("name", header));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode value : mapping.path("values")) {
                String key = value.path("key").asText();
                if (values.put(key, value.path("value").asText()) != null) {
                    throw ApiError.VALIDATION_ERROR.toException("Value key appears more than once in "
                            + "field_mappings: " + key, Map.of("key", key));
                }
            }
            columns.add(new Column(header, field.split("\\."), values));
        }
        return columns;
    }

    /** The field as text: an object stands for its {@code id}; a mapped value is replaced; missing is empty. */
    private static String cell(Map<String, Object> row, Column column) {
        Object value = row;
        for (String part : column.path()) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (value instanceof Map<?, ?> map) {
            value = map.get("id") == null ? "" : map.get("id");
        }
        String text = value == null ? "" : String.valueOf(value);
        return column.values().getOrDefault(text, text);
    }

    /** One CSV line, every cell quoted (quotes doubled), ended by CRLF. */
    private static void writeRow(Writer writer, List<String> cells) throws java.io.IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write('"' + cells.get(i).replace("\"", "\"\"") + '"');
        }
        writer.write("\r\n");
    }

    /** The base name of the one project the request filters on, if exactly one. */
    private String projectName(ObjectNode body, String company) {
        List<String> projects = ReadRequests.optIds(body, "project");
        if (projects == null || projects.size() != 1) {
            return null;
        }
        Document project = query.collection(EntitySpecs.PROJECT).find(Filters.and(Filters.eq("_id",
                projects.get(0)), Filters.in("company", company, ""))).first();
        String name = project == null ? null : project.getString("basename");
        return name == null ? null : name.substring(0, Math.min(60, name.length()));
    }
}
