package io.xstore.projection.metrics;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a deletion removed so far: the count of deleted documents and the file URLs they referenced (image
 * {@code url}, plot {@code source_urls}). Kept across retries so that a deletion interrupted half way still reports
 * everything it removed.
 */
public final class DeletionTally {

    private long deleted;
    private final Set<String> fileUrls = new LinkedHashSet<>();

    public void addDeleted(long count) {
        deleted += count;
    }

    public void addFileUrl(String url) {
        if (url != null && !url.isBlank()) {
            fileUrls.add(url);
        }
    }

    public long deleted() {
        return deleted;
    }

    public Set<String> fileUrls() {
        return Collections.unmodifiableSet(fileUrls);
    }
}
