package io.xstore.fileserver.storage;

import java.io.IOException;

/** A write that cannot happen because a folder sits where the file goes, or a file where a folder is needed. */
public class PathConflictException extends IOException {

    public PathConflictException(StoragePath path, Throwable cause) {
        super("Cannot store " + path + ": a file or folder is in the way", cause);
    }
}
