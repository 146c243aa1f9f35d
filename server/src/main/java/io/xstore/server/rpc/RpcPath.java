package io.xstore.server.rpc;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiVersion;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code [/][vX.Y/]service.action[/]} path; {@code version} is empty when the path had none. */
public record RpcPath(String endpoint, Optional<String> versionText) {

    private static final Pattern GRAMMAR =
            Pattern.compile("^/?(?:v([^/]*)/)?([A-Za-z_]\\w+)\\.([A-Za-z_]\\w+)/?$");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.?\\d+");

    /** Parses the path; a path outside the grammar is a 400 with an empty endpoint name. */
    public static RpcPath parse(String path) {
        Matcher m = GRAMMAR.matcher(path);
        if (!m.matches()) {
            throw ApiError.BAD_REQUEST.toException("Invalid request path " + path);
        }
        String version = m.group(1);
        if (version != null && !VERSION.matcher(version).matches()) {
            throw ApiError.REQUEST_PATH_HAS_INVALID_VERSION.toException(Map.of("version", version));
        }
        return new RpcPath(m.group(2) + "." + m.group(3), Optional.ofNullable(version));
    }

    public ApiVersion version() {
        return versionText.map(ApiVersion::parse).orElse(ApiVersion.MAX);
    }
}
