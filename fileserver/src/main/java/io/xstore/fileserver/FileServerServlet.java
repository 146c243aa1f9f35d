package io.xstore.fileserver;

import java.io.IOException;

import io.xstore.fileserver.http.BatchDeleteHandler;
import io.xstore.fileserver.http.DeleteHandler;
import io.xstore.fileserver.http.DownloadHandler;
import io.xstore.fileserver.http.PercentDecoding;
import io.xstore.fileserver.http.Responses;
import io.xstore.fileserver.http.UploadHandler;
import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.InvalidStoragePathException;
import io.xstore.fileserver.storage.StoragePath;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The ClearML-compatible file server: a path-addressed blob store without envelope or versions.
 * <pre>
 *   GET|HEAD /             ping, "OK" (a token is checked only if one is supplied)
 *   POST /                 multipart upload, field name = destination path; JSON list of stored paths
 *   GET|HEAD /&lt;path&gt;       download (Range, conditional requests, ?download for an attachment)
 *   DELETE /&lt;path&gt;         delete one file; JSON string of the path
 *   POST /delete_many      {"files": [...]} delete files or folders
 * </pre>
 * Every request on the file server port is handed to {@link #service} whatever its path; it is not
 * registered as a servlet and never initialized by a container, so it must not use the servlet config.
 */
@Component
public class FileServerServlet extends HttpServlet {

    private static final Log log = LogFactory.getLog(FileServerServlet.class);
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, DELETE, OPTIONS";
    private static final String BATCH_DELETE = "delete_many";

    private final transient RequestAuthenticator authenticator;
    private final boolean allowBatchDelete;
    private final transient UploadHandler upload;
    private final transient DownloadHandler download;
    private final transient DeleteHandler delete;
    private final transient BatchDeleteHandler batchDelete;

    @Autowired
    public FileServerServlet(FileStorage storage, FileServerSettings settings, ObjectProvider<TokenVerifier> verifier) {
        this(storage, settings, verifier.getIfAvailable());
    }

    /** @param verifier may be null only when auth is not required */
    public FileServerServlet(FileStorage storage, FileServerSettings settings, TokenVerifier verifier) {
        this.authenticator = new RequestAuthenticator(settings.authRequired(), verifier);
        this.allowBatchDelete = settings.allowBatchDelete();
        this.upload = new UploadHandler(storage, settings.maxUploadBytes());
        this.download = new DownloadHandler(storage, settings.disableBrowserCaching());
        this.delete = new DeleteHandler(storage);
        this.batchDelete = new BatchDeleteHandler(storage);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.commonHeaders(response);
        try {
            route(request, response);
        } catch (IOException | RuntimeException e) {
            if (response.isCommitted()) {
                log.debug("File server response aborted: " + request.getMethod() + " " + request.getRequestURI(), e);
                return;
            }
            log.warn("File server request failed: " + request.getMethod() + " " + request.getRequestURI(), e);
            response.reset();
            Responses.commonHeaders(response);
            Responses.text(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal server error");
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            preflight(request, response);
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            Responses.text(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding is not supported");
            return;
        }
        String relative = relativePath(request);
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        if (relative.isEmpty()) {
            if (get) {
                if (authorized(request, response, true)) {
                    Responses.text(request, response, HttpServletResponse.SC_OK, "OK");
                }
            } else if ("POST".equals(method)) {
                if (authorized(request, response, false)) {
                    upload.handle(request, response);
                }
            } else {
                methodNotAllowed(request, response);
            }
            return;
        }
        if (allowBatchDelete && "POST".equals(method) && BATCH_DELETE.equals(relative)) {
            if (authorized(request, response, false)) {
                batchDelete.handle(request, response);
            }
            return;
        }
        if (!get && !"DELETE".equals(method)) {
            methodNotAllowed(request, response);
            return;
        }
        if (!authorized(request, response, false)) {
            return;
        }
        StoragePath path;
        try {
            path = StoragePath.of(relative);
        } catch (InvalidStoragePathException e) {
            Responses.text(request, response, HttpServletResponse.SC_NOT_FOUND, "File " + relative + " not found");
            return;
        }
        try {
            if (get) {
                download.handle(request, response, path, hasQueryFlag(request.getQueryString(), "download"));
            } else {
                delete.handle(request, response, path);
            }
        } catch (InvalidStoragePathException e) {
            // a symlink on disk leads outside the root: answered like a missing file, as a ".." escape is
            Responses.text(request, response, HttpServletResponse.SC_NOT_FOUND, "File " + path + " not found");
        }
    }

    private boolean authorized(HttpServletRequest request, HttpServletResponse response, boolean tokenOptional)
            throws IOException {
        String rejection = authenticator.reject(request, tokenOptional);
        if (rejection == null) {
            return true;
        }
        Responses.text(request, response, HttpServletResponse.SC_UNAUTHORIZED, rejection);
        return false;
    }

    /**
     * The URL path below the context, percent-decoded exactly once (the raw request URI is used, so an encoded
     * ';' or '%' stays part of the file name), without leading slashes.
     */
    private static String relativePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        String decoded = PercentDecoding.unquote(uri);
        int start = 0;
        while (start < decoded.length() && decoded.charAt(start) == '/') {
            start++;
        }
        return decoded.substring(start);
    }

    private static boolean hasQueryFlag(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (PercentDecoding.unquotePlus(key).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void preflight(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", ALLOWED_METHODS);
        response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        String requestedHeaders = request.getHeader("Access-Control-Request-Headers");
        if (requestedHeaders != null && !requestedHeaders.isBlank()) {
            response.setHeader("Access-Control-Allow-Headers", requestedHeaders);
        }
        response.setHeader("Access-Control-Max-Age", "600");
        Responses.text(request, response, HttpServletResponse.SC_OK, "");
    }

    private static void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", ALLOWED_METHODS);
        Responses.text(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
    }
}
