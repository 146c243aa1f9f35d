package io.xstore.fileserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import io.xstore.fileserver.storage.LocalDiskFileStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file server over real HTTP: a Tomcat hands every request to the servlet, the client is java.net.http. */
class FileServerServletTest {

    static final String TOKEN = "good-token";

    @TempDir
    static Path temp;
    static Path root;
    static EmbeddedTomcat tomcat;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        root = temp.resolve("data/files");
        FileServerServlet servlet = new FileServerServlet(new LocalDiskFileStorage(root.toString()),
                new FileServerSettings(true, 0, true, false), TOKEN::equals);
        tomcat = new EmbeddedTomcat(servlet, Files.createDirectories(temp.resolve("tomcat")));
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.close();
    }

    @Test
    void pingAnswersOkWithoutAToken() throws Exception {
        HttpResponse<String> response = send(request("/").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("OK");
        assertThat(response.headers().firstValue("Server")).hasValue("clearml");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void pingRejectsAnInvalidToken() throws Exception {
        HttpResponse<String> response = send(request("/").header("Authorization", "Bearer nope").GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void uploadStoresTheFileAtItsFieldNameAndDownloadReturnsItByteExact() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024 + 17, 1);
        String path = "/proj/train.0123456789abcdef0123456789abcdef/artifacts/data/data.csv.gz";

        HttpResponse<String> upload = upload(new MultipartBody().file(path, "application/x-gzip", content));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).isEqualTo("[\"" + path.substring(1) + "\"]");
        assertThat(root.resolve(path.substring(1))).hasBinaryContent(content);
        try (var files = Files.list(root.resolve("proj/train.0123456789abcdef0123456789abcdef/artifacts/data"))) {
            assertThat(files).hasSize(1); // no temp file left behind
        }

        HttpResponse<byte[]> download = sendBytes(authorized(path).GET());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(content.length);
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(download.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    }

    @Test
    void uploadStoresEveryFilePartAndSkipsFormFieldsAndEmptyNames() throws Exception {
        HttpResponse<String> upload = upload(new MultipartBody()
                .file("/multi/one.txt", "text/plain", "one".getBytes(StandardCharsets.UTF_8))
                .field("comment", "not a file")
                .part("form-data; name=\"\"; filename=\"x\"", null, "skipped".getBytes(StandardCharsets.UTF_8))
                .file("/multi/two.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).isEqualTo("[\"multi/one.txt\",\"multi/two.json\"]");
        assertThat(root.resolve("multi/one.txt")).hasContent("one");
        assertThat(root.resolve("comment")).doesNotExist();
    }

    @Test
    void uploadReplacesAnExistingFile() throws Exception {
        upload(new MultipartBody().file("/replace/x.txt", "text/plain", "first version".getBytes(StandardCharsets.UTF_8)));
        upload(new MultipartBody().file("/replace/x.txt", "text/plain", "second".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> download = send(authorized("/replace/x.txt").GET());

        assertThat(download.body()).isEqualTo("second");
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
    }

    @Test
    void fieldNameIsStoredLiterallyAndTheUrlIsDecodedOnce() throws Exception {
        byte[] image = randomBytes(1000, 2);
        String stored = "/my%20project/exp.abc/metrics/loss 0x3a/val/loss 0x3a_val_00000000.jpeg";
        upload(new MultipartBody().file(stored, "image/jpeg", image));

        assertThat(root.resolve("my%20project/exp.abc/metrics/loss 0x3a/val/loss 0x3a_val_00000000.jpeg")).exists();
        HttpResponse<byte[]> download = sendBytes(
                authorized("/my%2520project/exp.abc/metrics/loss%200x3a/val/loss%200x3a_val_00000000.jpeg").GET());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(image);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void headReturnsTheHeadersWithoutABody() throws Exception {
        upload(new MultipartBody().file("/head/h.bin", null, randomBytes(5000, 3)));

        HttpResponse<byte[]> head = sendBytes(authorized("/head/h.bin").method("HEAD", BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(5000);
        assertThat(head.body()).isEmpty();
        assertThat(sendBytes(authorized("/head/missing.bin").method("HEAD", BodyPublishers.noBody())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void rangeRequestsReturnPartialContent() throws Exception {
        byte[] content = randomBytes(1000, 4);
        upload(new MultipartBody().file("/range/r.bin", null, content));

        HttpResponse<byte[]> middle = sendBytes(authorized("/range/r.bin").header("Range", "bytes=10-19").GET());
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(slice(content, 10, 20));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 10-19/1000");

        HttpResponse<byte[]> suffix = sendBytes(authorized("/range/r.bin").header("Range", "bytes=-5").GET());
        assertThat(suffix.body()).isEqualTo(slice(content, 995, 1000));

        HttpResponse<byte[]> open = sendBytes(authorized("/range/r.bin").header("Range", "bytes=990-").GET());
        assertThat(open.body()).isEqualTo(slice(content, 990, 1000));

        HttpResponse<byte[]> beyond = sendBytes(authorized("/range/r.bin").header("Range", "bytes=1000-").GET());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */1000");

        HttpResponse<byte[]> stale = sendBytes(authorized("/range/r.bin")
                .header("Range", "bytes=0-9").header("If-Range", "\"other-etag\"").GET());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(content);
    }

    @Test
    void conditionalGetAnswersNotModified() throws Exception {
        upload(new MultipartBody().file("/cond/c.txt", "text/plain", "cached".getBytes(StandardCharsets.UTF_8)));
        String etag = send(authorized("/cond/c.txt").GET()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = send(authorized("/cond/c.txt").header("If-None-Match", etag).GET());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void downloadFlagMakesAnAttachment() throws Exception {
        upload(new MultipartBody().file("/attach/report.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> download = send(authorized("/attach/report.csv?download").GET());

        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"report.csv\"");
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/csv;charset=utf-8");
    }

    @Test
    void deleteRemovesAFileAndAnswersItsPath() throws Exception {
        upload(new MultipartBody().file("/del/x.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> delete = send(authorized("/del/x.csv").DELETE());

        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(delete.body()).isEqualTo("\"del/x.csv\"");
        assertThat(root.resolve("del/x.csv")).doesNotExist();
        assertThat(send(authorized("/del/x.csv").GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> again = send(authorized("/del/x.csv").DELETE());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).isEqualTo("File del/x.csv not found");
    }

    @Test
    void deleteOfAFolderIsNotFound() throws Exception {
        upload(new MultipartBody().file("/delfolder/sub/x.txt", null, new byte[] {1}));

        assertThat(send(authorized("/delfolder/sub").DELETE()).statusCode()).isEqualTo(404);
        assertThat(root.resolve("delfolder/sub/x.txt")).exists();
    }

    @Test
    void missingFileIsNotFound() throws Exception {
        HttpResponse<String> response = send(authorized("/nothing/here.png").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("File nothing/here.png not found");
    }

    @Test
    void uploadOutsideTheRootIsRejected() throws Exception {
        HttpResponse<String> response = upload(new MultipartBody().file("/../escaped.txt", null, new byte[] {1}));
        HttpResponse<String> nested = upload(new MultipartBody().file("/a/../../escaped.txt", null, new byte[] {1}));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(nested.statusCode()).isEqualTo(404);
        assertThat(root.resolveSibling("escaped.txt")).doesNotExist();
    }

    @Test
    void downloadOutsideTheRootIsRejected() throws Exception {
        Files.writeString(root.resolveSibling("secret.txt"), "secret");

        for (String path : new String[] {"/%2e%2e/secret.txt", "/a/%2e%2e/%2e%2e/secret.txt", "/../secret.txt"}) {
            HttpResponse<String> response = send(authorized(path).GET());
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("secret");
        }
    }

    @Test
    void batchDeleteRemovesFilesAndFoldersAndReportsErrors() throws Exception {
        upload(new MultipartBody()
                .file("/batch/a/1.txt", null, new byte[] {1})
                .file("/batch/a/2.txt", null, new byte[] {2})
                .file("/batch/c/3.txt", null, new byte[] {3}));
        String body = "{\"files\": [\"/batch/a\", \"batch/c/3.txt\", \"batch/missing.txt\", \"\", \"/\", \"/./\"]}";

        HttpResponse<String> response = send(authorized("/delete_many").POST(BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"deleted\":{\"/batch/a\":\"batch/a\",\"batch/c/3.txt\":\"batch/c/3.txt\"}");
        assertThat(response.body()).contains("\"Not found\":[\"batch/missing.txt\"]");
        assertThat(response.body()).contains("\"Empty path not allowed\":[\"\",\"/\",\"/./\"]");
        assertThat(root.resolve("batch/a")).doesNotExist();
        assertThat(root.resolve("batch/c/3.txt")).doesNotExist();
        assertThat(root).exists();
    }

    @Test
    void batchDeleteWithoutFilesIsABadRequest() throws Exception {
        assertThat(send(authorized("/delete_many").POST(BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(400);
        assertThat(send(authorized("/delete_many").POST(BodyPublishers.ofString("nope"))).statusCode()).isEqualTo(400);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() throws Exception {
        HttpResponse<String> none = send(request("/any/file.txt").GET());
        HttpResponse<String> basic = send(request("/any/file.txt").header("Authorization", "Basic dXNlcjpwYXNz").GET());
        HttpResponse<String> invalid = send(request("/any/file.txt").header("Authorization", "Bearer bad").GET());
        HttpResponse<String> upload = send(request("/")
                .header("Content-Type", MultipartBody.contentType())
                .POST(BodyPublishers.ofByteArray(new MultipartBody().file("/x/y.txt", null, new byte[] {1}).build())));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).isEqualTo("Only bearer token authorization is supported");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(upload.statusCode()).isEqualTo(401);
        assertThat(root.resolve("x/y.txt")).doesNotExist();
    }

    @Test
    void theUiCookieAuthenticates() throws Exception {
        upload(new MultipartBody().file("/cookie/c.txt", null, "c".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = send(request("/cookie/c.txt")
                .header("Cookie", "other=1; clearml_token_basic=" + TOKEN).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("c");
    }

    @Test
    void contentEncodedRequestsAreUnsupported() throws Exception {
        HttpResponse<String> response = send(authorized("/")
                .header("Content-Type", MultipartBody.contentType())
                .header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void uploadThatIsNotMultipartIsABadRequest() throws Exception {
        HttpResponse<String> response = send(authorized("/")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void truncatedMultipartIsABadRequestAndStoresNothing() throws Exception {
        byte[] body = new MultipartBody().file("/trunc/t.bin", null, randomBytes(10_000, 5)).build();
        byte[] truncated = slice(body, 0, body.length - 200);

        HttpResponse<String> response = send(authorized("/")
                .header("Content-Type", MultipartBody.contentType()).POST(BodyPublishers.ofByteArray(truncated)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(root.resolve("trunc/t.bin")).doesNotExist();
        try (var files = Files.list(root.resolve("trunc"))) {
            assertThat(files).isEmpty(); // the temp file was removed
        }
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> response = send(authorized("/x.txt").PUT(BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

    @Test
    void corsPreflightIsAnswered() throws Exception {
        HttpResponse<String> response = send(request("/some/file.png")
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("authorization");
    }

    @Test
    void largeUploadsStreamThroughAndComeBackIntact() throws Exception {
        long size = 64L * 1024 * 1024 + 123;
        String head = "--" + MultipartBody.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"/big/blob.bin\";"
                + " filename=\"/big/blob.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + MultipartBody.BOUNDARY + "--\r\n";
        HttpRequest.BodyPublisher body = BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(java.util.List.of(
                        new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                        new PatternStream(size),
                        new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8))))));

        HttpResponse<String> upload = send(authorized("/").header("Content-Type", MultipartBody.contentType()).POST(body));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(Files.size(root.resolve("big/blob.bin"))).isEqualTo(size);
        HttpResponse<java.io.InputStream> download = http.send(authorized("/big/blob.bin").GET().build(),
                BodyHandlers.ofInputStream());
        try (java.io.InputStream in = download.body()) {
            assertThat(in).hasSameContentAs(new PatternStream(size));
        }
    }

    @Test
    void uploadsOverTheConfiguredLimitAreRejected() throws Exception {
        Path limitedRoot = temp.resolve("limited/files");
        FileServerServlet limited = new FileServerServlet(new LocalDiskFileStorage(limitedRoot.toString()),
                new FileServerSettings(false, 1, true, false), (TokenVerifier) null);
        try (EmbeddedTomcat server = new EmbeddedTomcat(limited, Files.createDirectories(temp.resolve("tomcat2")))) {
            byte[] body = new MultipartBody().file("/too/big.bin", null, randomBytes(2 * 1024 * 1024, 6)).build();
            HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                    .header("Content-Type", MultipartBody.contentType())
                    .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                    .header("Content-Type", MultipartBody.contentType())
                    .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                    BodyHandlers.ofString());

            assertThat(known.statusCode()).isEqualTo(413);
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(limitedRoot.resolve("too/big.bin")).doesNotExist();
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(tomcat.baseUrl() + path));
    }

    private static HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<String> upload(MultipartBody body) throws IOException, InterruptedException {
        return send(authorized("/").header("Content-Type", MultipartBody.contentType())
                .POST(BodyPublishers.ofByteArray(body.build())));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofByteArray());
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    /** A long deterministic byte sequence that is generated, never held in memory. */
    static final class PatternStream extends java.io.InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? value(position++) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) value(position++);
            }
            return n;
        }

        private static int value(long position) {
            long x = position * 0x9E3779B97F4A7C15L;
            return (int) ((x >>> 56) ^ (position & 0xff)) & 0xff;
        }
    }
}
