package io.xstore.fileserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validators on downloads: If-None-Match / If-Modified-Since (304), If-Match / If-Unmodified-Since (412), HEAD. */
class FileServerConditionalRequestsTest {

    private static final String FILE = "/cond/report.txt";

    @TempDir
    static Path temp;
    static TestFileServer server;
    static String etag;
    static String lastModified;

    @BeforeAll
    static void start() throws Exception {
        server = new TestFileServer(temp);
        server.upload(new MultipartBody().file(FILE, "text/plain", "cached".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> first = server.send(server.authorized(FILE).GET());
        etag = first.headers().firstValue("ETag").orElseThrow();
        lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aMatchingEntityTagIsNotModified() throws Exception {
        assertThat(get("If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get("If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(get("If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnchangedFileSinceTheGivenDateIsNotModified() throws Exception {
        HttpResponse<String> same = get("If-Modified-Since", lastModified);
        HttpResponse<String> older = get("If-Modified-Since", httpDate(ZonedDateTime.now().minusDays(1)));

        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(etag);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).isEqualTo("cached");
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() throws Exception {
        HttpResponse<String> response = server.send(server.authorized(FILE)
                .header("If-None-Match", "\"other\"").header("If-Modified-Since", lastModified).GET());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedPreconditionIsAnswered412() throws Exception {
        assertThat(get("If-Match", "\"other\"").statusCode()).isEqualTo(412);
        assertThat(get("If-Match", "W/" + etag).statusCode()).isEqualTo(412); // If-Match compares strongly
        assertThat(get("If-Match", etag).statusCode()).isEqualTo(200);
        assertThat(get("If-Match", "*").statusCode()).isEqualTo(200);
        assertThat(get("If-Unmodified-Since", httpDate(ZonedDateTime.now().minusDays(1))).statusCode())
                .isEqualTo(412);
        assertThat(get("If-Unmodified-Since", lastModified).statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersConditionalRequestsAndAttachmentsLikeGet() throws Exception {
        HttpResponse<String> notModified = server.send(server.authorized(FILE).header("If-None-Match", etag)
                .method("HEAD", BodyPublishers.noBody()));
        HttpResponse<String> attachment = server.send(server.authorized(FILE + "?download")
                .method("HEAD", BodyPublishers.noBody()));

        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(attachment.statusCode()).isEqualTo(200);
        assertThat(attachment.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"report.txt\"; filename*=UTF-8''report.txt");
        assertThat(attachment.headers().firstValueAsLong("Content-Length")).hasValue(6);
    }

    @Test
    void compressedNamesAreOpaqueBytesSoBrowsersKeepThemCompressed() throws Exception {
        for (String name : new String[] {"/gz/data.csv.gz", "/gz/archive.tgz", "/gz/x.json.bz2"}) {
            server.upload(new MultipartBody().file(name, "application/x-gzip", new byte[] {0x1f, (byte) 0x8b, 8}));
            HttpResponse<String> response = server.send(server.authorized(name).GET());
            assertThat(response.headers().firstValue("Content-Type")).as(name).hasValue("application/octet-stream");
            assertThat(response.headers().firstValue("Content-Encoding")).as(name).isEmpty();
        }
    }

    private static HttpResponse<String> get(String header, String value) throws Exception {
        return server.send(server.authorized(FILE).header(header, value).GET());
    }

    private static String httpDate(ZonedDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
    }
}
