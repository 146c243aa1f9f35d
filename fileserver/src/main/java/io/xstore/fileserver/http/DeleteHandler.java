package io.xstore.fileserver.http;

import java.io.IOException;

import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.StoragePath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** DELETE /&lt;path&gt;: removes one file (never a folder); the body is the deleted path as a JSON string. */
public final class DeleteHandler {

    private final FileStorage storage;

    public DeleteHandler(FileStorage storage) {
        this.storage = storage;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, StoragePath path) throws IOException {
        if (!storage.deleteFile(path)) {
            Responses.text(request, response, HttpServletResponse.SC_NOT_FOUND, "File " + path + " not found");
            return;
        }
        Responses.json(request, response, HttpServletResponse.SC_OK, path.toString());
    }
}
