package io.xstore.fileserver.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streaming multipart/form-data reader (RFC 7578 / RFC 2046): parts are handed out one at a time and their
 * bodies are read straight from the request stream through a fixed buffer, so uploads of any size use
 * constant memory.
 */
public final class MultipartReader {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_BOUNDARY_LENGTH = 200;

    private final InputStream in;
    /** CRLF "--" boundary: what ends a part body. */
    private final byte[] delimiter;
    private final byte[] buffer;
    /** Unread bytes are buffer[head, tail). */
    private int head;
    private int tail;
    private PartBody current;
    private boolean finished;

    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new IllegalArgumentException("Invalid multipart boundary");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(BUFFER_SIZE, 4 * delimiter.length)];
        // a virtual line break before the body lets the first delimiter match like every other one
        buffer[0] = '\r';
        buffer[1] = '\n';
        this.tail = 2;
        this.current = new PartBody(); // the preamble, skipped
    }

    /** The boundary of a {@code multipart/form-data} Content-Type; null for any other content type. */
    public static String boundaryOf(String contentType) {
        HeaderValue parsed = HeaderValue.parse(contentType);
        if (!parsed.value().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        String boundary = parsed.parameter("boundary");
        return boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH ? null : boundary;
    }

    /** The next part, or null after the closing delimiter. Skips what is left of the previous part's body. */
    public MultipartPart next() throws IOException {
        if (finished) {
            return null;
        }
        current.skipRest();
        head += delimiter.length;
        if (!ensure(2)) {
            throw new MalformedMultipartException("Unexpected end of multipart body");
        }
        if (buffer[head] == '-' && buffer[head + 1] == '-') {
            finished = true; // the epilogue after the closing delimiter is ignored
            return null;
        }
        while (ensure(1) && (buffer[head] == ' ' || buffer[head] == '\t')) {
            head++;
        }
        if (!ensure(2) || buffer[head] != '\r' || buffer[head + 1] != '\n') {
            throw new MalformedMultipartException("Malformed multipart boundary line");
        }
        head += 2;
        Map<String, String> headers = readHeaders();
        HeaderValue disposition = HeaderValue.parse(headers.get("content-disposition"));
        current = new PartBody();
        return new MultipartPart(disposition.parameter("name"), disposition.parameter("filename"), headers, current);
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String last = null;
        int budget = MAX_HEADER_BYTES;
        while (true) {
            int lineStart = head;
            String line = readLine(budget);
            budget -= head - lineStart;
            if (line.isEmpty()) {
                return headers;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.merge(last, " " + line.trim(), String::concat); // obsolete header folding
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("Malformed multipart part header");
            }
            last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(last, line.substring(colon + 1).trim());
        }
    }

    /** One CRLF-terminated line (CRLF consumed); UTF-8, or ISO-8859-1 when it is not valid UTF-8. */
    private String readLine(int budget) throws IOException {
        int scan = head;
        while (true) {
            for (; scan + 1 < tail; scan++) {
                if (buffer[scan] == '\r' && buffer[scan + 1] == '\n') {
                    String line = decode(head, scan - head);
                    head = scan + 2;
                    return line;
                }
            }
            if (scan - head >= budget) {
                throw new MalformedMultipartException("Multipart part headers too large");
            }
            int scanned = scan - head;
            if (!fill()) {
                throw new MalformedMultipartException("Unexpected end of multipart body");
            }
            scan = head + scanned;
        }
    }

    private String decode(int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buffer, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(buffer, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Makes at least n unread bytes available; false at end of input. */
    private boolean ensure(int n) throws IOException {
        while (tail - head < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves unread bytes to the buffer start and reads more; false at end of input. Invalidates indexes. */
    private boolean fill() throws IOException {
        if (head > 0) {
            System.arraycopy(buffer, head, buffer, 0, tail - head);
            tail -= head;
            head = 0;
        }
        if (tail == buffer.length) {
            throw new MalformedMultipartException("Multipart line too long");
        }
        int n;
        do {
            n = in.read(buffer, tail, buffer.length - tail);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        tail += n;
        return true;
    }

    private int indexOfDelimiter(int from, int to) {
        int last = to - delimiter.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (buffer[i] != delimiter[0]) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A part's content: the bytes up to the next delimiter, which is left unread for {@link #next()}. */
    private final class PartBody extends InputStream {

        private static final int UNKNOWN = -2;

        private boolean done;
        /** Start of the delimiter in the buffer, -1 if not in it, UNKNOWN after the buffer changed. */
        private int delimiterAt = UNKNOWN;
        /** Bytes before this index are content for sure (a delimiter may start in the tail after it). */
        private int safeEnd;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = advance(Math.min(length, Integer.MAX_VALUE));
            if (n > 0) {
                System.arraycopy(buffer, head - n, target, offset, n);
            }
            return n;
        }

        void skipRest() throws IOException {
            while (!done) {
                advance(Integer.MAX_VALUE);
            }
        }

        /** Consumes up to max content bytes (they end at head); -1 when the delimiter is reached. */
        private int advance(int max) throws IOException {
            while (true) {
                if (delimiterAt == UNKNOWN) {
                    delimiterAt = indexOfDelimiter(head, tail);
                    safeEnd = delimiterAt >= 0 ? delimiterAt : Math.max(head, tail - (delimiter.length - 1));
                }
                if (head < safeEnd) {
                    int n = Math.min(max, safeEnd - head);
                    head += n;
                    return n;
                }
                if (delimiterAt >= 0) {
                    done = true;
                    return -1;
                }
                if (!fill()) {
                    throw new MalformedMultipartException("Unexpected end of multipart body");
                }
                delimiterAt = UNKNOWN;
            }
        }
    }
}
