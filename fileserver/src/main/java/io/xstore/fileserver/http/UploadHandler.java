package io.xstore.fileserver.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.xstore.fileserver.multipart.MalformedMultipartException;
import io.xstore.fileserver.multipart.MultipartPart;
import io.xstore.fileserver.multipart.MultipartReader;
import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.InvalidStoragePathException;
import io.xstore.fileserver.storage.PathConflictException;
import io.xstore.fileserver.storage.StoragePath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * POST / with multipart/form-data: every file part is stored at its field name (taken literally, not
 * URL-decoded, leading '/' removed); the response lists the stored paths. Parts stream to disk one by one.
 */
public final class UploadHandler {

    private final FileStorage storage;
    private final long maxUploadBytes;

    /** @param maxUploadBytes 0 for unlimited */
    public UploadHandler(FileStorage storage, long maxUploadBytes) {
        this.storage = storage;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String boundary = MultipartReader.boundaryOf(request.getContentType());
        if (boundary == null) {
            Responses.text(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    "Expected a multipart/form-data body with a boundary");
            return;
        }
        if (maxUploadBytes > 0 && request.getContentLengthLong() > maxUploadBytes) {
            tooLarge(request, response);
            return;
        }
        MultipartReader reader = new MultipartReader(new RequestBodyStream(request.getInputStream(), maxUploadBytes), boundary);
        List<String> stored = new ArrayList<>();
        try {
            for (MultipartPart part; (part = reader.next()) != null; ) {
                if (!part.isFile() || part.name() == null || part.name().isEmpty()) {
                    continue;
                }
                StoragePath path = StoragePath.of(part.name());
                storage.write(path, part.body());
                stored.add(path.toString());
            }
        } catch (InvalidStoragePathException e) {
            // the reference answers 404 for a destination outside the root
            int status = e.escapesRoot() ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST;
            Responses.text(request, response, status, e.getMessage());
            return;
        } catch (UploadTooLargeException e) {
            tooLarge(request, response);
            return;
        } catch (MalformedMultipartException | ClientReadException e) {
            Responses.text(request, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (PathConflictException e) {
            Responses.text(request, response, HttpServletResponse.SC_CONFLICT, e.getMessage());
            return;
        }
        Responses.json(request, response, HttpServletResponse.SC_OK, stored);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the unread rest of the body makes the connection unusable for another request
        response.setHeader("Connection", "close");
        Responses.text(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "Upload larger than the configured maximum of " + maxUploadBytes + " bytes");
    }
}
