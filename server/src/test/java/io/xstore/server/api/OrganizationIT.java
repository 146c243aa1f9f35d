package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** organization.* and tasks.validate over HTTP (docs/api/organization.md). */
class OrganizationIT extends ServerTestSupport {

    @Test
    void tagsOfTasksAndModelsUserCompaniesAndEntityCounts() {
        TestApi api = new TestApi(apiBaseUrl());
        String project = api.createProject(unique("org"));
        String tag = unique("tag");
        api.createTask(body("name", unique("t"), "type", "training", "project", project, "tags", List.of(tag)));
        JsonNode tags = api.ok("organization.get_tags", body("include_system", true));
        assertThat(tags.get("tags").toString()).contains(tag);
        assertThat(tags.has("system_tags")).isTrue();
        assertThat(api.ok("organization.get_tags", body()).has("system_tags")).isFalse();

        JsonNode companies = api.ok("organization.get_user_companies", body()).get("companies");
        assertThat(companies).hasSize(1);
        assertThat(companies.get(0).get("allocated").asInt()).isPositive();

        JsonNode counts = api.ok("organization.get_entities_count", body("experiments",
                Map.of("project", List.of(project)), "models", Map.of("project", List.of(project))));
        assertThat(counts.get("experiments").asInt()).isEqualTo(1);
        assertThat(counts.get("models").asInt()).isZero();
        assertThat(counts.has("projects")).isFalse();
        api.error("organization.get_entities_count", body("projects", "x"), 400, 12);
    }

    @Test
    void validateChecksLikeCreateWithoutStoring() {
        TestApi api = new TestApi(apiBaseUrl());
        String project = api.createProject(unique("validate"));
        String name = unique("valid");
        assertThat(api.ok("tasks.validate", body("name", name, "type", "training", "project", project)).size())
                .isZero();
        assertThat(api.ok("tasks.get_all", body("name", "^" + name + "$")).get("tasks")).isEmpty();
        api.ok("tasks.validate", body("name", name, "type", "training", "parent", "__DELETED__abc"));
        api.error("tasks.validate", body("name", name, "type", "nonsense"), 400, 12);
        api.error("tasks.validate", body("name", name, "type", "training", "project", "nope"), 400, 401);
        api.error("tasks.validate", body("name", name, "type", "training", "parent", "nope"), 400, 101);
        api.error("tasks.validate", body("type", "training"), 400, 12);
    }
}
