package io.xstore.fileserver.http;

import java.io.IOException;

/** The request body passed the configured upload limit. */
public class UploadTooLargeException extends IOException {

    public UploadTooLargeException(long maxBytes) {
        super("Upload larger than the configured maximum of " + maxBytes + " bytes");
    }
}
