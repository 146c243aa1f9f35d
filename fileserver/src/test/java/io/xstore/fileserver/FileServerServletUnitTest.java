package io.xstore.fileserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.xstore.fileserver.storage.LocalDiskFileStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Configuration behaviour checked without a network. */
class FileServerServletUnitTest {

    @TempDir
    Path temp;

    @Test
    void requiredAuthWithoutATokenVerifierFailsAtStartup() {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.toString());

        assertThatThrownBy(() -> new FileServerServlet(storage, new FileServerSettings(true, 0, true, false), (TokenVerifier) null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TokenVerifier");
    }

    @Test
    void withAuthDisabledNoTokenIsNeeded() throws Exception {
        FileServerServlet servlet = new FileServerServlet(new LocalDiskFileStorage(temp.toString()),
                new FileServerSettings(false, 0, true, false), (TokenVerifier) null);
        MockHttpServletResponse response = new MockHttpServletResponse();

        servlet.service(new MockHttpServletRequest("GET", "/missing.txt"), response);

        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void aVerifierThatThrowsCountsAsAnInvalidToken() throws Exception {
        FileServerServlet servlet = new FileServerServlet(new LocalDiskFileStorage(temp.toString()),
                new FileServerSettings(true, 0, true, false), token -> {
                    throw new IllegalArgumentException("malformed JWT");
                });
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x.txt");
        request.addHeader("Authorization", "Bearer garbage");
        MockHttpServletResponse response = new MockHttpServletResponse();

        servlet.service(request, response);

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void batchDeleteCanBeSwitchedOff() throws Exception {
        FileServerServlet servlet = new FileServerServlet(new LocalDiskFileStorage(temp.toString()),
                new FileServerSettings(false, 0, false, false), (TokenVerifier) null);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/delete_many");
        request.setContent("{\"files\": [\"a\"]}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();

        servlet.service(request, response);

        assertThat(response.getStatus()).isEqualTo(405);
    }
}
