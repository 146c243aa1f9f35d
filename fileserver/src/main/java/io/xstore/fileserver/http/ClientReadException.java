package io.xstore.fileserver.http;

import java.io.IOException;

/** Reading the request body failed (client went away, connection reset): not a storage failure. */
public class ClientReadException extends IOException {

    public ClientReadException(IOException cause) {
        super("Reading the request body failed: " + cause.getMessage(), cause);
    }
}
