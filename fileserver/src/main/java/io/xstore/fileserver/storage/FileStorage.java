package io.xstore.fileserver.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The blob store behind the file server, addressed by relative paths. Local disk now; an S3-compatible
 * implementation can replace it (folders are then key prefixes).
 * <p>
 * Every method may throw {@link InvalidStoragePathException} (with {@code escapesRoot}) when {@code path}, valid
 * as text, would lead outside the store once resolved (e.g. through a symbolic link on disk).
 */
public interface FileStorage {

    /** Size and modification time of a regular file; empty when missing or not a regular file. */
    Optional<FileInfo> stat(StoragePath path) throws IOException;

    /**
     * Opens a stored file positioned at {@code offset}; the caller reads only the bytes it needs.
     *
     * @throws java.nio.file.NoSuchFileException if the file vanished since {@link #stat}
     */
    InputStream open(StoragePath path, long offset) throws IOException;

    /**
     * Stores {@code content} (read to its end) at {@code path}, creating folders and replacing an existing file.
     * Atomic and durable: readers see the old or the new file, never a partial one, and once this returns the
     * file survives a crash. Exceptions thrown by {@code content} propagate unchanged; nothing is stored then.
     *
     * @throws PathConflictException if a folder is at {@code path} or a file where a parent folder is needed
     */
    void write(StoragePath path, InputStream content) throws IOException;

    /** Deletes a regular file; false when there is no regular file at {@code path}. */
    boolean deleteFile(StoragePath path) throws IOException;

    /** Deletes a regular file or a whole folder. */
    DeleteOutcome deleteFileOrFolder(StoragePath path) throws IOException;
}
