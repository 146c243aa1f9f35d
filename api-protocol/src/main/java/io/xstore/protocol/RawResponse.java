package io.xstore.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An endpoint result sent as it is, without the JSON envelope (e.g. {@code events.download_task_log}). With a
 * {@code fileName} it is sent as an attachment.
 */
public record RawResponse(String contentType, String fileName, Body body) {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
