package io.xstore.fileserver.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * The request body as read by the upload: enforces the size limit while streaming (Content-Length may be
 * absent with chunked encoding) and marks read failures as the client's ({@link ClientReadException}).
 */
public final class RequestBodyStream extends InputStream {

    private final InputStream in;
    private final long maxBytes;
    private long count;

    /** @param maxBytes 0 for no limit */
    public RequestBodyStream(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            throw new ClientReadException(e);
        }
        if (n > 0) {
            count += n;
            if (maxBytes > 0 && count > maxBytes) {
                throw new UploadTooLargeException(maxBytes);
            }
        }
        return n;
    }
}
