package io.xstore.fileserver.storage;

/** Result of deleting a path that may be a file or a folder (batch delete). */
public enum DeleteOutcome {
    DELETED_FILE,
    DELETED_FOLDER,
    NOT_FOUND,
    /** Exists but is neither a regular file nor a folder (device, socket, ...). */
    NOT_FILE_OR_FOLDER
}
