package io.xstore.fileserver.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.fileserver.storage.DeleteOutcome;
import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.InvalidStoragePathException;
import io.xstore.fileserver.storage.StoragePath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * POST /delete_many {"files": [...]}: deletes files or whole folders (used by the API server when tasks,
 * models or projects are deleted). Answers {"deleted": {requested: path}, "errors": {reason: [requested...]}}.
 */
public final class BatchDeleteHandler {

    private static final Log log = LogFactory.getLog(BatchDeleteHandler.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final FileStorage storage;
    private final ObjectMapper json = new ObjectMapper();

    public BatchDeleteHandler(FileStorage storage) {
        this.storage = storage;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode files = readFiles(request);
        if (files == null) {
            Responses.text(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    "Expected a JSON body with a 'files' list");
            return;
        }
        Map<String, String> deleted = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode entry : files) {
            String requested = entry.isTextual() ? entry.textValue() : entry.toString();
            String error = entry.isTextual() ? delete(requested, deleted) : "Not a string";
            if (error != null) {
                errors.computeIfAbsent(error, reason -> new ArrayList<>()).add(requested);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>(); // "deleted" first, as the reference answers
        body.put("deleted", deleted);
        body.put("errors", errors);
        Responses.json(request, response, HttpServletResponse.SC_OK, body);
    }

    /** Deletes one entry; returns the error reason, or null when deleted. */
    private String delete(String requested, Map<String, String> deleted) {
        String decoded = PercentDecoding.unquotePlus(requested);
        if (decoded.isEmpty() || decoded.equals("/")) {
            return "Empty path not allowed";
        }
        StoragePath path;
        try {
            path = StoragePath.of(decoded);
        } catch (InvalidStoragePathException e) {
            return e.reason(); // also "/./" and the like: the storage root itself is never deleted
        }
        try {
            DeleteOutcome outcome = storage.deleteFileOrFolder(path);
            return switch (outcome) {
                case DELETED_FILE, DELETED_FOLDER -> {
                    deleted.put(requested, path.toString());
                    yield null;
                }
                case NOT_FOUND -> "Not found";
                case NOT_FILE_OR_FOLDER -> "Not a file or folder";
            };
        } catch (InvalidStoragePathException e) {
            return e.reason();
        } catch (IOException e) {
            log.warn("Batch delete of " + path + " failed", e);
            return e.toString();
        }
    }

    private JsonNode readFiles(HttpServletRequest request) throws IOException {
        JsonNode body;
        try (InputStream in = new RequestBodyStream(request.getInputStream(), MAX_BODY_BYTES)) {
            body = json.readTree(in);
        } catch (com.fasterxml.jackson.core.JacksonException | UploadTooLargeException | ClientReadException e) {
            return null;
        }
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode files = body.get("files");
        return files != null && files.isArray() ? files : null;
    }
}
