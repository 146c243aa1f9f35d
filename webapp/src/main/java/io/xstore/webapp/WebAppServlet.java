package io.xstore.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.util.UriUtils;

/**
 * The web app: static files from the class path folder {@value #STATIC_ROOT}, with single-page-app fallback
 * (a path whose last segment has no extension gets index.html, so client-side routes survive a reload).
 * Every request on the web app port is handed to {@link #service}; it is not registered with the container.
 */
@Component
public class WebAppServlet extends HttpServlet {

    static final String STATIC_ROOT = "webapp-static/";
    private static final String INDEX = "index.html";
    private static final String SERVER_NAME_PLACEHOLDER = "{{serverName}}";

    private final transient ClassLoader classLoader = WebAppServlet.class.getClassLoader();
    private final byte[] index;

    /** @param serverName shown on the page; blank = this machine's host name */
    public WebAppServlet(@Value("${xstore.webapp.server-name:}") String serverName) {
        this.index = renderIndex(serverName == null || serverName.isBlank() ? hostName() : serverName.trim());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            plain(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return;
        }
        String path = relativePath(request);
        if (path == null) {
            plain(request, response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            return;
        }
        if (path.isEmpty() || path.equals(INDEX)) {
            serveIndex(request, response);
            return;
        }
        ClassPathResource resource = new ClassPathResource(STATIC_ROOT + path, classLoader);
        if (resource.isReadable()) {
            byte[] content;
            try (InputStream in = resource.getInputStream()) {
                content = StreamUtils.copyToByteArray(in);
            }
            write(request, response, contentType(path), "public, max-age=3600", content);
        } else if (lastSegment(path).contains(".")) {
            plain(request, response, HttpServletResponse.SC_NOT_FOUND, "Not found");
        } else {
            serveIndex(request, response);
        }
    }

    private void serveIndex(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (index == null) {
            plain(request, response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            return;
        }
        write(request, response, "text/html;charset=utf-8", "no-cache", index);
    }

    /** Errors are written directly: sendError would hand them to the API's error page machinery. */
    private static void plain(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("text/plain;charset=utf-8");
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String contentType,
                              String cacheControl, byte[] content) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", cacheControl);
        response.setContentLength(content.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(content);
        }
    }

    /** Decoded path below the context without leading '/'; null when it is unsafe (dot segments, NUL, '\'). */
    private static String relativePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        String decoded;
        try {
            decoded = UriUtils.decode(uri, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String segment : decoded.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
            path.append(path.isEmpty() ? "" : "/").append(segment);
        }
        return path.toString();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String contentType(String path) {
        String name = lastSegment(path).toLowerCase(Locale.ROOT);
        if (name.endsWith(".webmanifest")) {
            return "application/manifest+json";
        }
        String type = MediaTypeFactory.getMediaType(name).map(MediaType::toString).orElse("application/octet-stream");
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+xml")
                ? type + ";charset=utf-8"
                : type;
    }

    private byte[] renderIndex(String serverName) {
        ClassPathResource resource = new ClassPathResource(STATIC_ROOT + INDEX, classLoader);
        if (!resource.isReadable()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            String html = StreamUtils.copyToString(in, StandardCharsets.UTF_8);
            return html.replace(SERVER_NAME_PLACEHOLDER, escapeHtml(serverName)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web app's " + INDEX, e);
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "xstore";
        }
    }
}
