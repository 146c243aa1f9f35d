package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** get_all never answers more than 500 items (docs/api/README.md, Lists), over a project of 501 tasks made once. */
class PageSizeCapIT extends ServerTestSupport {

    private static final int CAP = 500;
    private static String project;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        if (project == null) {
            String p = api.createProject(unique("cap"));
            createTasks(p, CAP + 1);
            project = p;
        }
    }

    private static void createTasks(String project, int count) {
        TestApi api = new TestApi(apiBaseUrl());
        for (int i = 0; i < count; i++) {
            api.createTask(body("name", String.format("task-%04d", i), "type", "training", "project", project));
        }
    }

    private JsonNode tasks(Object... paging) {
        var request = body(paging);
        request.put("project", List.of(project));
        request.put("only_fields", List.of("id"));
        return api.ok("tasks.get_all", request).get("tasks");
    }

    @Test
    void aLargerPageSizeIsCappedAt500() {
        assertThat(tasks("page", 0, "page_size", 1000)).hasSize(CAP);
    }

    @Test
    void withoutPagingOnlyTheFirst500Come() {
        assertThat(tasks()).hasSize(CAP);
    }

    @Test
    void theSecondPageOf500HoldsTheRest() {
        assertThat(tasks("page", 1, "page_size", CAP)).hasSize(1);
    }

    @Test
    void pageWithoutPageSizeUses500() {
        assertThat(tasks("page", 1)).hasSize(1);
    }
}
