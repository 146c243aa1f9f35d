package io.xstore.fileserver.http;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/** Content-Type of a stored file, guessed from its name. */
public final class ContentTypes {

    public static final String OCTET_STREAM = "application/octet-stream";

    /**
     * Names that imply a content encoding (foo.csv.gz, foo.tgz, ...) are served as opaque bytes, so browsers and
     * HTTP clients do not decompress them on the fly and the downloaded bytes equal the uploaded ones.
     */
    private static final Set<String> ENCODED_SUFFIXES = Set.of(
            ".gz", ".tgz", ".taz", ".tz", ".z", ".bz2", ".tbz2", ".xz", ".txz", ".br");

    private static final Set<String> TEXT_LIKE = Set.of(
            "application/javascript", "application/ecmascript", "application/sql", "application/xml",
            "application/xml-dtd", "application/xml-external-parsed-entity");

    private ContentTypes() {
    }

    public static String forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || ENCODED_SUFFIXES.contains(lower.substring(dot))) {
            return OCTET_STREAM;
        }
        Optional<MediaType> guessed = MediaTypeFactory.getMediaType(fileName);
        if (guessed.isEmpty()) {
            return OCTET_STREAM;
        }
        String type = guessed.get().toString();
        if (type.startsWith("text/") || type.endsWith("+xml") || TEXT_LIKE.contains(type)) {
            return type + "; charset=utf-8";
        }
        return type;
    }
}
