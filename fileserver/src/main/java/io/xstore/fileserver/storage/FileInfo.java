package io.xstore.fileserver.storage;

import java.time.Instant;

/** What a download needs to know about a stored file before reading it. */
public record FileInfo(long size, Instant lastModified) {
}
