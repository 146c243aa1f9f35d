package io.xstore.server.files;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.xstore.fileserver.http.PercentDecoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides which URLs name files of this server's file server and which stored path they name. Ours are the
 * configured public base URLs ({@code xstore.fileserver.public-urls}, e.g. behind a proxy), and
 * {@code http://localhost|127.0.0.1|[::1]|<hostname>:<file server port>} plus the web app's {@code /files} proxy on
 * the same hosts. The path after the base is percent-decoded once, as the file server decodes a download URL, unless
 * it was evidently recorded unquoted (see {@link #isQuoted}).
 */
@Component
public class FileServerUrls {

    private static final Logger log = LoggerFactory.getLogger(FileServerUrls.class);

    private final List<Base> bases;

    @Autowired
    public FileServerUrls(@Value("${xstore.fileserver.public-urls:}") List<String> publicUrls,
                          @Value("${xstore.fileserver.port}") int filePort,
                          @Value("${xstore.webapp.port}") int webPort) {
        this(publicUrls, filePort, webPort, localHostName());
    }

    FileServerUrls(List<String> publicUrls, int filePort, int webPort, String hostName) {
        Set<Base> all = new LinkedHashSet<>();
        for (String url : publicUrls) {
            if (url != null && !url.isBlank()) {
                all.add(Base.parse(url.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "xstore.fileserver.public-urls: not an http(s) URL: " + url)));
            }
        }
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        if (hostName != null && !hostName.isBlank()) {
            hosts.add(hostName.toLowerCase(Locale.ROOT));
        }
        for (String host : hosts) {
            all.add(new Base("http", host, filePort, ""));
            all.add(new Base("http", host, webPort, "/files"));
        }
        this.bases = List.copyOf(all);
    }

    /** The base URLs this server recognizes as its own, for display and logs. */
    public List<String> bases() {
        List<String> shown = new ArrayList<>();
        bases.forEach(base -> shown.add(base.toString()));
        return shown;
    }

    /**
     * The stored path {@code url} names (decoded once, without leading slash), or empty when the URL is not one of
     * ours. An own URL that names no file (the bare base) gives an empty string.
     */
    public Optional<String> storedPath(String url) {
        Optional<Parsed> parsed = Parsed.of(url);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        for (Base base : bases) {
            Optional<String> rest = base.remainder(parsed.get());
            if (rest.isPresent()) {
                String decoded = isQuoted(rest.get()) ? PercentDecoding.unquote(rest.get()) : rest.get();
                int start = 0;
                while (start < decoded.length() && decoded.charAt(start) == '/') {
                    start++;
                }
                return Optional.of(decoded.substring(start));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a URL path can be the output of Python's {@code quote()}: only unreserved characters, '/' and %XX.
     * A path with anything else (a space, '[', '&', ...) was recorded without quoting (the SDK does that for model
     * weights uploaded with {@code async_enable=False}): it is the stored name as is, and decoding it would name
     * another file.
     */
    static boolean isQuoted(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0);
            if (c == '%') {
                if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                        || Character.digit(path.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            log.debug("no local host name; only localhost URLs count as the file server's", e);
            return null;
        }
    }

    /** A base URL: scheme, lower-case host, port (explicit or the scheme's default), path without trailing '/'. */
    private record Base(String scheme, String host, int port, String path) {

        static Optional<Base> parse(String url) {
            return Parsed.of(url).map(p -> new Base(p.scheme(), p.host(), p.port(), trimSlashes(p.path())));
        }

        /** The raw path after this base, when {@code url} is under it. */
        Optional<String> remainder(Parsed url) {
            if (!scheme.equals(url.scheme()) || !host.equals(url.host()) || port != url.port()) {
                return Optional.empty();
            }
            if (path.isEmpty()) {
                return Optional.of(url.path());
            }
            if (url.path().equals(path) || url.path().startsWith(path + "/")) {
                return Optional.of(url.path().substring(path.length()));
            }
            return Optional.empty();
        }

        private static String trimSlashes(String path) {
            int end = path.length();
            while (end > 0 && path.charAt(end - 1) == '/') {
                end--;
            }
            return path.substring(0, end);
        }

        @Override
        public String toString() {
            return scheme + "://" + host + ":" + port + path;
        }
    }

    /**
     * An http(s) URL split by hand rather than by {@link java.net.URI}: URLs recorded by clients may hold characters
     * URI refuses, and the path must stay exactly as written (still percent-encoded).
     */
    private record Parsed(String scheme, String host, int port, String path) {

        static Optional<Parsed> of(String url) {
            if (url == null) {
                return Optional.empty();
            }
            int colon = url.indexOf("://");
            if (colon <= 0) {
                return Optional.empty();
            }
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            int authorityStart = colon + 3;
            int authorityEnd = authorityStart;
            while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            String authority = url.substring(authorityStart, authorityEnd);
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            String host;
            String portText = null;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    return Optional.empty();
                }
                host = authority.substring(0, close + 1);
                if (close + 1 < authority.length()) {
                    if (authority.charAt(close + 1) != ':') {
                        return Optional.empty();
                    }
                    portText = authority.substring(close + 2);
                }
            } else {
                int portColon = authority.lastIndexOf(':');
                host = portColon < 0 ? authority : authority.substring(0, portColon);
                portText = portColon < 0 ? null : authority.substring(portColon + 1);
            }
            if (host.isEmpty()) {
                return Optional.empty();
            }
            int port;
            if (portText == null || portText.isEmpty()) {
                port = scheme.equals("https") ? 443 : 80;
            } else {
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            int pathEnd = authorityEnd;
            while (pathEnd < url.length() && "?#".indexOf(url.charAt(pathEnd)) < 0) {
                pathEnd++;
            }
            return Optional.of(new Parsed(scheme, host.toLowerCase(Locale.ROOT), port,
                    url.substring(authorityEnd, pathEnd)));
        }
    }
}
