package io.xstore.fileserver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import io.xstore.fileserver.storage.FileInfo;
import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.StoragePath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** GET / HEAD of a stored file: content type, caching, conditional requests and single byte ranges. */
public final class DownloadHandler {

    private static final int COPY_BUFFER = 64 * 1024;

    private final FileStorage storage;
    private final boolean disableBrowserCaching;

    public DownloadHandler(FileStorage storage, boolean disableBrowserCaching) {
        this.storage = storage;
        this.disableBrowserCaching = disableBrowserCaching;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, StoragePath path, boolean attachment)
            throws IOException {
        Optional<FileInfo> found = storage.stat(path);
        if (found.isEmpty()) {
            Responses.text(request, response, HttpServletResponse.SC_NOT_FOUND, "File " + path + " not found");
            return;
        }
        FileInfo info = found.get();
        long lastModifiedSeconds = info.lastModified().getEpochSecond();
        String etag = "\"" + Long.toHexString(info.size()) + "-" + Long.toHexString(info.lastModified().toEpochMilli()) + "\"";

        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModifiedSeconds * 1000);
        response.setHeader("Accept-Ranges", "bytes");
        setCachingHeaders(response);
        if (preconditionFailed(request, etag, lastModifiedSeconds)) {
            Responses.text(request, response, HttpServletResponse.SC_PRECONDITION_FAILED, "Precondition failed");
            return;
        }
        if (notModified(request, etag, lastModifiedSeconds)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(ContentTypes.forFileName(path.fileName()));
        if (attachment) {
            response.setHeader("Content-Disposition", attachmentDisposition(path.fileName()));
        }

        ByteRange range = rangeApplies(request, etag, lastModifiedSeconds)
                ? ByteRange.parse(request.getHeader("Range"), info.size())
                : ByteRange.parse(null, info.size());
        long offset = 0;
        long length = info.size();
        switch (range.kind()) {
            case UNSATISFIABLE -> {
                response.setHeader("Content-Range", "bytes */" + info.size());
                Responses.text(request, response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE,
                        "Requested range not satisfiable");
                return;
            }
            case SATISFIABLE -> {
                offset = range.start();
                length = range.length();
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader("Content-Range",
                        "bytes " + range.start() + "-" + range.endInclusive() + "/" + info.size());
            }
            case IGNORE -> response.setStatus(HttpServletResponse.SC_OK);
        }
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod()) || length == 0) {
            return;
        }
        try (InputStream in = storage.open(path, offset)) {
            copy(in, response.getOutputStream(), length);
        } catch (NoSuchFileException e) {
            if (!response.isCommitted()) { // deleted between stat and open
                response.reset();
                Responses.commonHeaders(response);
                Responses.text(request, response, HttpServletResponse.SC_NOT_FOUND, "File " + path + " not found");
            }
        }
    }

    private void setCachingHeaders(HttpServletResponse response) {
        if (disableBrowserCaching) {
            response.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
        } else {
            response.setHeader("Cache-Control", "public, max-age=300");
        }
    }

    /** If-Match (strong comparison) and, without it, If-Unmodified-Since (RFC 9110 section 13.2.2). */
    private static boolean preconditionFailed(HttpServletRequest request, String etag, long lastModifiedSeconds) {
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null) {
            return !matchesAny(ifMatch, etag, false);
        }
        long since = dateHeader(request, "If-Unmodified-Since");
        return since >= 0 && lastModifiedSeconds > since / 1000;
    }

    private static boolean notModified(HttpServletRequest request, String etag, long lastModifiedSeconds) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag, true);
        }
        long since = dateHeader(request, "If-Modified-Since");
        return since >= 0 && lastModifiedSeconds <= since / 1000;
    }

    /** If-Range: the range applies only while the file is unchanged; otherwise the whole file is sent. */
    private static boolean rangeApplies(HttpServletRequest request, String etag, long lastModifiedSeconds) {
        String ifRange = request.getHeader("If-Range");
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        long date = dateHeader(request, "If-Range");
        return date >= 0 && date / 1000 == lastModifiedSeconds;
    }

    /** @param weak whether a weak validator (W/"...") may match, as for If-None-Match but not If-Match */
    private static boolean matchesAny(String header, String etag, boolean weak) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String attachmentDisposition(String fileName) {
        StringBuilder fallback = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, length)];
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                break; // the file shrank while being read; the client sees a short body
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }
}
