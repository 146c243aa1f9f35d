package io.xstore.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
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
import java.util.UUID;

import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The file server inside the running server: the API's tokens (Bearer or the web app's cookie) on its own port and
 * through the web app's {@code /files/} proxy, 401 without them, and nothing reachable above its storage root.
 */
class FileServerIT extends ServerTestSupport {

    private static final String BOUNDARY = "xstore-it-boundary-0123456789";

    private final ApiClient api = new ApiClient(apiBaseUrl());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anSdkStyleUploadDownloadsByteIdenticalWithTheApisToken() throws Exception {
        String stored = "it project/run." + id() + "/artifacts/data/data.csv.gz";
        byte[] content = random(300_000);

        HttpResponse<String> upload = upload("Bearer " + api.token(), "/" + stored, content);
        HttpResponse<byte[]> download = http.send(get(fileServerUrl() + "/" + stored.replace(" ", "%20"))
                .header("Authorization", "Bearer " + api.token()).build(), BodyHandlers.ofByteArray());

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).isEqualTo("[\"" + stored + "\"]");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void withoutAValidTokenEverythingButThePingIs401() throws Exception {
        String stored = "auth/" + id() + "/x.bin";
        upload("Bearer " + api.token(), "/" + stored, new byte[] {1});

        assertThat(send(get(fileServerUrl() + "/" + stored)).statusCode()).isEqualTo(401);
        assertThat(send(get(fileServerUrl() + "/" + stored).header("Authorization", "Bearer not.a.jwt"))
                .statusCode()).isEqualTo(401);
        assertThat(send(get(fileServerUrl() + "/" + stored).header("Authorization",
                ApiClient.basic(ApiClient.ACCESS_KEY, ApiClient.SECRET_KEY))).statusCode()).isEqualTo(401);
        assertThat(send(get(fileServerUrl() + "/" + stored).DELETE()).statusCode()).isEqualTo(401);
        assertThat(upload(null, "/auth/" + id() + "/planted.bin", new byte[] {1}).statusCode()).isEqualTo(401);
        assertThat(send(get(webappUrl() + "/files/" + stored)).statusCode()).isEqualTo(401);
        assertThat(send(get(fileServerUrl() + "/")).statusCode()).isEqualTo(200);
    }

    @Test
    void aBrowserWithTheWebAppCookieDownloadsFromBothPorts() throws Exception {
        String stored = "browser/" + id() + "/report.csv";
        upload("Bearer " + api.token(), "/" + stored, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        String cookie = "clearml_token_basic=" + api.token();

        HttpResponse<String> direct = send(get(fileServerUrl() + "/" + stored).header("Cookie", cookie));
        HttpResponse<String> proxied = send(get(webappUrl() + "/files/" + stored + "?download")
                .header("Cookie", cookie));

        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo("a,b\n1,2\n");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo("a,b\n1,2\n");
        assertThat(proxied.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"report.csv\"");
    }

    @Test
    void traversalAttemptsAre4xxAndTouchNothingAboveTheRoot() throws Exception {
        Path dataDir = DATA_DIR;
        Path bait = dataDir.resolve("bait-" + id() + ".txt");
        Files.writeString(bait, "bait");
        String name = bait.getFileName().toString();
        for (String target : new String[] {"/../" + name, "/%2e%2e/" + name, "/%2E%2E/" + name,
                "/x/..%2f..%2f" + name, "/%2e%2e%2f" + name, "/..%5c" + name, "/%252e%252e/" + name,
                "/" + bait.toAbsolutePath()}) {
            for (String method : new String[] {"GET", "DELETE"}) {
                String status = raw(method, target);
                assertThat(status).as(method + " " + target).startsWith("4");
            }
        }
        HttpResponse<String> upload = upload("Bearer " + api.token(), "/../" + name, new byte[] {9});

        assertThat(upload.statusCode()).isEqualTo(404);
        assertThat(bait).hasContent("bait");
    }

    private HttpResponse<String> upload(String authorization, String fieldName, byte[] content)
            throws IOException, InterruptedException {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fieldName + "\"; filename=\""
                + fieldName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fileServerUrl() + "/"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    /** The status code of a request sent exactly as written, with the API's token. */
    private String raw(String method, String target) throws IOException {
        URI base = URI.create(fileServerUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + api.token() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(9, 12);
        }
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
