package io.xstore.server.rpc.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiVersion;
import io.xstore.server.rpc.ApiJson;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one place where old API versions are served (docs/api/versions.md): each adapter, keyed by the endpoints it
 * covers and the version below which it applies, maps an old request shape to today's before the endpoint runs and
 * today's answer back to the old shape after. Endpoints only ever see and produce today's shapes.
 */
@Component
public class VersionAdapters {

    /** One version difference: requests below {@code below} to {@code endpoints} are adapted. */
    record Adapter(String name, ApiVersion below, Predicate<String> endpoints, BiConsumer<String, ObjectNode> request,
                   Consumer<JsonNode> response) {

        boolean covers(String endpoint, ApiVersion version) {
            return version.compareTo(below) < 0 && endpoints.test(endpoint);
        }
    }

    private static final List<Adapter> ADAPTERS = List.of(
            new Adapter("system tags given as tags", ApiVersion.parse("2.3"), LegacyTags::takesTags,
                    LegacyTags::request, null),
            new Adapter("system tags answered in tags", ApiVersion.parse("2.3"), LegacyTags::returnsTags,
                    null, LegacyTags::response),
            new Adapter("legacy parameters and model description", ApiVersion.parse("2.9"),
                    LegacyTaskShapes::returnsTasks, null, LegacyTaskShapes::parametersOut),
            new Adapter("single input and output model, docker_cmd", ApiVersion.parse("2.13"),
                    LegacyTaskShapes::takesOrReturnsTasks, (endpoint, body) -> LegacyTaskShapes.modelsIn(body),
                    LegacyTaskShapes::modelsOut),
            new Adapter("tasks.completed without publish", ApiVersion.parse("2.20"), "tasks.completed"::equals,
                    (endpoint, body) -> body.remove("publish"), null));

    /** Endpoints served only up to a version: a call above it is refused (301/1) with what replaces them. */
    private static final Map<String, Retired> RETIRED = Map.of(
            "models.update_for_task", new Retired(ApiVersion.parse("2.13"), "use tasks.add_or_update_model"));

    record Retired(ApiVersion last, String instead) {
    }

    private final ObjectMapper mapper;

    public VersionAdapters() {
        this(ApiJson.create());
    }

    VersionAdapters(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Today's shape of a request made at {@code version} (the body is changed in place and returned). */
    public ObjectNode request(String endpoint, ApiVersion version, ObjectNode body) {
        Retired retired = RETIRED.get(endpoint);
        if (retired != null && version.compareTo(retired.last()) > 0) {
            throw ApiError.ENDPOINT_NOT_SUPPORTED.toException(retired.instead(),
                    Map.of("endpoint", endpoint, "max_version", retired.last().toString()));
        }
        if (body == null) {
            return null;
        }
        for (Adapter adapter : ADAPTERS) {
            if (adapter.request() != null && adapter.covers(endpoint, version)) {
                adapter.request().accept(endpoint, body);
            }
        }
        return body;
    }

    /** The answer in the shape of {@code version}: the newest differences are undone first. */
    public Object response(String endpoint, ApiVersion version, Object data) {
        List<Adapter> applicable = ADAPTERS.stream()
                .filter(a -> a.response() != null && a.covers(endpoint, version))
                .sorted(Comparator.comparing(Adapter::below).reversed())
                .toList();
        if (applicable.isEmpty() || data == null) {
            return data;
        }
        JsonNode tree = mapper.valueToTree(data);
        applicable.forEach(adapter -> adapter.response().accept(tree));
        return tree;
    }
}
