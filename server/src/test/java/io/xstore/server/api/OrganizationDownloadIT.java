package io.xstore.server.api;

import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The web UI's CSV export: organization.prepare_download_for_get_all, then download_for_get_all. */
class OrganizationDownloadIT extends ServerTestSupport {

    @Test
    void aPreparedTaskTableDownloadsAsCsvWithMappedColumnsAndValues() throws Exception {
        TestApi api = new TestApi(apiBaseUrl(), "/v2.26/");
        String projectName = unique("csv");
        String project = api.createProject(projectName);
        String task = api.createTask(body("name", "say \"hi\"", "type", "training", "project", project));
        String prepareId = api.ok("organization.prepare_download_for_get_all", body("entity_type", "task",
                "only_fields", List.of("id", "name", "status", "project.name"), "project", List.of(project),
                "field_mappings", List.of(Map.of("field", "id"), Map.of("field", "name", "name", "Name"),
                        Map.of("field", "status", "name", "Status", "values",
                                List.of(Map.of("key", "created", "value", "Draft"))),
                        Map.of("field", "project", "name", "Project")))).get("prepare_id").asText();

        String token = new ApiClient(apiBaseUrl()).token();
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(apiBaseUrl() + "/v2.26/organization.download_for_get_all?prepare_id=" + prepareId))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(projectName + "-tasks.csv");
        assertThat(csv.body()).isEqualTo("\ufeff\"id\",\"Name\",\"Status\",\"Project\"\r\n\"" + task
                + "\",\"say \"\"hi\"\"\",\"Draft\",\"" + project + "\"\r\n");

        api.error("organization.download_for_get_all", body("prepare_id", "unknown"), 400, 10);
        api.error("organization.prepare_download_for_get_all", body("entity_type", "queue", "only_fields",
                List.of("id"), "field_mappings", List.of()), 400, 12);
        api.error("organization.prepare_download_for_get_all", body("entity_type", "task", "only_fields",
                List.of("id"), "field_mappings", List.of(Map.of("field", "id"), Map.of("field", "id"))), 400, 12);
    }
}
