package io.xstore.fileserver;

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

import io.xstore.fileserver.storage.LocalDiskFileStorage;

/** A file server with token auth on a real Tomcat, its storage root under {@code dir}, and a client for it. */
final class TestFileServer implements AutoCloseable {

    static final String TOKEN = "good-token";

    final Path root;
    private final EmbeddedTomcat tomcat;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestFileServer(Path dir) throws Exception {
        root = dir.resolve("data/files");
        FileServerServlet servlet = new FileServerServlet(new LocalDiskFileStorage(root.toString()),
                new FileServerSettings(true, 0, true, false), TOKEN::equals);
        tomcat = new EmbeddedTomcat(servlet, Files.createDirectories(dir.resolve("tomcat")));
    }

    String baseUrl() {
        return tomcat.baseUrl();
    }

    int port() {
        return URI.create(baseUrl()).getPort();
    }

    HttpRequest.Builder authorized(String rawPath) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + rawPath)).header("Authorization", "Bearer " + TOKEN);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> upload(MultipartBody body) throws IOException, InterruptedException {
        return send(authorized("/").header("Content-Type", MultipartBody.contentType())
                .POST(BodyPublishers.ofByteArray(body.build())));
    }

    /**
     * Sends {@code method target} exactly as written (no client-side normalization or encoding) and returns the
     * status line's code and the body, as {@code "<code> <body>"}.
     */
    String raw(String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String code = response.substring(9, 12);
            int bodyStart = response.indexOf("\r\n\r\n");
            return code + " " + (bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    @Override
    public void close() throws Exception {
        tomcat.close();
    }
}
