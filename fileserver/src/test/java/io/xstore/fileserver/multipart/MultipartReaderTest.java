package io.xstore.fileserver.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "xYzZY";

    @Test
    void readsEveryPartWithItsNameFilenameAndContent() throws IOException {
        String body = "preamble to ignore\r\n"
                + "--xYzZY\r\n"
                + "Content-Disposition: form-data; name=\"/p/a.txt\"; filename=\"/p/a.txt\"\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "first\r\nline\r\n"
                + "--xYzZY\r\n"
                + "Content-Disposition: form-data; name=\"field\"\r\n"
                + "\r\n"
                + "value\r\n"
                + "--xYzZY--\r\n"
                + "epilogue";

        List<String[]> parts = readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).containsExactly("/p/a.txt", "/p/a.txt", "first\r\nline");
        assertThat(parts.get(1)).containsExactly("field", null, "value");
    }

    @Test
    void contentThatAlmostMatchesTheBoundaryIsKept() throws IOException {
        String content = "a\r\n--xYzZ\r\n--xYz-\r\n--xYzZ";
        String body = "--xYzZY\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n"
                + content + "\r\n--xYzZY--";

        List<String[]> parts = readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(parts.get(0)[2]).isEqualTo(content);
    }

    @Test
    void worksWhenTheStreamDeliversOneByteAtATime() throws IOException {
        byte[] content = new byte[200_000];
        new java.util.Random(7).nextBytes(content);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"; filename=\"x\"\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));

        MultipartReader reader = new MultipartReader(new OneByteAtATime(new ByteArrayInputStream(body.toByteArray())), BOUNDARY);
        MultipartPart part = reader.next();

        assertThat(part.body().readAllBytes()).isEqualTo(content);
        assertThat(reader.next()).isNull();
    }

    @Test
    void unreadPartBodiesAreSkipped() throws IOException {
        String body = "--xYzZY\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a\"\r\n\r\nAAAA\r\n"
                + "--xYzZY\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b\"\r\n\r\nBBBB\r\n--xYzZY--\r\n";
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY);

        assertThat(reader.next().name()).isEqualTo("a");
        MultipartPart second = reader.next();
        assertThat(second.name()).isEqualTo("b");
        assertThat(new String(second.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("BBBB");
        assertThat(reader.next()).isNull();
    }

    @Test
    void emptyContentAndNonAsciiNamesAreSupported() throws IOException {
        String body = "--xYzZY\r\nContent-Disposition: form-data; name=\"/проект/é.txt\"; filename=\"é.txt\"\r\n\r\n"
                + "\r\n--xYzZY--\r\n";

        List<String[]> parts = readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(parts.get(0)).containsExactly("/проект/é.txt", "é.txt", "");
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        String body = "--xYzZY\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a\"\r\n\r\nAAAA";

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void aBodyWithoutBoundaryIsMalformed() {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream("just text".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void hugePartHeadersAreMalformed() {
        String body = "--xYzZY\r\nX-Long: " + "a".repeat(100_000) + "\r\n\r\nx\r\n--xYzZY--";

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void boundaryComesFromAMultipartContentTypeOnly() {
        assertThat(MultipartReader.boundaryOf("multipart/form-data; boundary=abc")).isEqualTo("abc");
        assertThat(MultipartReader.boundaryOf("Multipart/Form-Data; charset=utf-8; Boundary=\"a b:c\"")).isEqualTo("a b:c");
        assertThat(MultipartReader.boundaryOf("multipart/form-data")).isNull();
        assertThat(MultipartReader.boundaryOf("application/json")).isNull();
        assertThat(MultipartReader.boundaryOf(null)).isNull();
    }

    private static List<String[]> readAll(InputStream in) throws IOException {
        MultipartReader reader = new MultipartReader(in, BOUNDARY);
        List<String[]> parts = new ArrayList<>();
        for (MultipartPart part; (part = reader.next()) != null; ) {
            parts.add(new String[] {part.name(), part.filename(),
                    new String(part.body().readAllBytes(), StandardCharsets.UTF_8)});
        }
        return parts;
    }

    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
