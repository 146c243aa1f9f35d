package io.xstore.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebAppServletTest {

    private final WebAppServlet servlet = new WebAppServlet("test <server>");

    @Test
    void rootServesTheIndexWithTheServerNameFilledIn() throws Exception {
        MockHttpServletResponse response = get("/");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("test index", "test &lt;server&gt;");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void clientSideRoutesFallBackToTheIndex() throws Exception {
        MockHttpServletResponse response = get("/projects/0123abcd/experiments/");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("test index");
    }

    @Test
    void staticFilesAreServedWithTheirContentType() throws Exception {
        MockHttpServletResponse response = get("/assets/app.css");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/css");
        assertThat(response.getContentAsString()).isEqualTo("body { color: red; }\n");
        assertThat(response.getContentLength()).isEqualTo(21);
    }

    @Test
    void missingFilesAndFoldersAreNotFound() throws Exception {
        assertThat(get("/assets/missing.js").getStatus()).isEqualTo(404);
        assertThat(get("/assets/../index.html").getStatus()).isEqualTo(404);
        assertThat(get("/%2e%2e/secret.txt").getStatus()).isEqualTo(404);
    }

    @Test
    void folderNamesGetTheIndexRatherThanAListing() throws Exception {
        MockHttpServletResponse response = get("/assets");

        assertThat(response.getContentAsString()).contains("test index");
    }

    @Test
    void headSendsHeadersOnlyAndOtherMethodsAreRefused() throws Exception {
        MockHttpServletResponse head = new MockHttpServletResponse();
        servlet.service(new MockHttpServletRequest("HEAD", "/"), head);
        MockHttpServletResponse post = new MockHttpServletResponse();
        servlet.service(new MockHttpServletRequest("POST", "/"), post);

        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getContentLength()).isPositive();
        assertThat(head.getContentAsByteArray()).isEmpty();
        assertThat(post.getStatus()).isEqualTo(405);
    }

    private MockHttpServletResponse get(String uri) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.service(new MockHttpServletRequest("GET", uri), response);
        return response;
    }
}
