package io.xstore.fileserver.multipart;

import java.io.InputStream;
import java.util.Map;

/**
 * One part of a multipart/form-data body. {@code filename} is null for plain form fields (only parts with a
 * filename are files). {@code body} streams the content and ends at the next boundary; it is valid only until
 * the next call to {@link MultipartReader#next()}. Header names are lower case.
 */
public record MultipartPart(String name, String filename, Map<String, String> headers, InputStream body) {

    public boolean isFile() {
        return filename != null;
    }
}
