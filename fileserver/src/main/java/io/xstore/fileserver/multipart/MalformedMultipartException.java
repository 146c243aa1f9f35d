package io.xstore.fileserver.multipart;

import java.io.IOException;

/** The request body is not well-formed multipart content (a client mistake). */
public class MalformedMultipartException extends IOException {

    public MalformedMultipartException(String message) {
        super(message);
    }
}
