package io.xstore.fileserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside the storage root can be read, written or deleted: not with "..", not with its encoded forms,
 * not with absolute paths, not through a symbolic link that an administrator left in the root.
 */
class FileServerEscapeTest {

    @TempDir
    static Path temp;
    static Path outside;
    static TestFileServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestFileServer(temp);
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(temp.resolve("data/secret.txt"), "secret");
        Files.createSymbolicLink(server.root.resolve("linked-dir"), outside);
        Files.createSymbolicLink(server.root.resolve("linked-file.txt"), outside.resolve("secret.txt"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void dotDotAndItsEncodingsNeverReadAboveTheRoot() throws Exception {
        for (String target : new String[] {"/../secret.txt", "/a/../../secret.txt", "/%2e%2e/secret.txt",
                "/%2E%2E/secret.txt", "/a/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
                "/a%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/%252e%252e/secret.txt",
                "/.%2e/secret.txt", "/%2e./secret.txt"}) {
            for (String method : new String[] {"GET", "HEAD", "DELETE"}) {
                String answer = server.raw(method, target);
                assertThat(answer).as(method + " " + target).matches("(?s)4\\d\\d .*").doesNotEndWith(" secret");
            }
        }
        assertThat(temp.resolve("data/secret.txt")).hasContent("secret");
    }

    @Test
    void absolutePathsStayInsideTheRoot() throws Exception {
        String absolute = outside.resolve("planted.txt").toString(); // e.g. /tmp/junit.../outside/planted.txt

        HttpResponse<String> upload = server.upload(new MultipartBody()
                .file(absolute, null, "x".getBytes(StandardCharsets.UTF_8)));
        String read = server.raw("GET", "/" + outside.resolve("secret.txt"));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(outside.resolve("planted.txt")).doesNotExist();
        assertThat(server.root.resolve(absolute.substring(1))).hasContent("x");
        assertThat(read).startsWith("404");
    }

    @Test
    void uploadsThatClimbAboveTheRootAreNotFoundAndStoreNothing() throws Exception {
        for (String name : new String[] {"/../planted.txt", "../../planted.txt", "/a/../../planted.txt"}) {
            HttpResponse<String> upload = server.upload(new MultipartBody()
                    .file(name, null, "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(upload.statusCode()).as(name).isEqualTo(404);
        }
        assertThat(temp.resolve("data/planted.txt")).doesNotExist();
        assertThat(temp.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void encodedNamesInUploadsAreLiteralNamesInsideTheRoot() throws Exception {
        HttpResponse<String> upload = server.upload(new MultipartBody()
                .file("/%2e%2e/%2e%2e/planted.txt", null, "x".getBytes(StandardCharsets.UTF_8)));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(server.root.resolve("%2e%2e/%2e%2e/planted.txt")).hasContent("x");
        assertThat(temp.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void symlinksOutOfTheRootCannotBeReadWrittenOrDeleted() throws Exception {
        for (String target : new String[] {"/linked-dir/secret.txt", "/linked-file.txt"}) {
            assertThat(server.send(server.authorized(target).GET()).statusCode()).as(target).isEqualTo(404);
            assertThat(server.send(server.authorized(target).method("HEAD", BodyPublishers.noBody())).statusCode())
                    .as(target).isEqualTo(404);
            assertThat(server.send(server.authorized(target).DELETE()).statusCode()).as(target).isEqualTo(404);
        }
        HttpResponse<String> upload = server.upload(new MultipartBody()
                .file("/linked-dir/secret.txt", null, "overwritten".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> plant = server.upload(new MultipartBody()
                .file("/linked-dir/new/planted.txt", null, "x".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> batch = server.send(server.authorized("/delete_many").POST(BodyPublishers.ofString(
                "{\"files\": [\"linked-dir\", \"linked-dir/secret.txt\", \"linked-file.txt\"]}")));

        assertThat(upload.statusCode()).isEqualTo(404);
        assertThat(plant.statusCode()).isEqualTo(404);
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.body()).isEqualTo("{\"deleted\":{},\"errors\":{\"Path escapes the storage root\":"
                + "[\"linked-dir\",\"linked-dir/secret.txt\",\"linked-file.txt\"]}}");
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).hasSize(1);
        }
    }
}
