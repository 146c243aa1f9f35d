package io.xstore.fileserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies the way the ClearML SDK (urllib3) sends uploads. */
final class MultipartBody {

    static final String BOUNDARY = "d4c8b1f0e2a94c7c9a3b5e6f7a8b9c0d";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A file part whose field name and filename are both the destination path. */
    MultipartBody file(String path, String contentType, byte[] content) {
        return part("form-data; name=\"" + path + "\"; filename=\"" + path + "\"", contentType, content);
    }

    MultipartBody field(String name, String value) {
        return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    MultipartBody part(String disposition, String contentType, byte[] content) {
        write("--" + BOUNDARY + "\r\n");
        write("Content-Disposition: " + disposition + "\r\n");
        if (contentType != null) {
            write("Content-Type: " + contentType + "\r\n");
        }
        write("\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    byte[] build() {
        write("--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
