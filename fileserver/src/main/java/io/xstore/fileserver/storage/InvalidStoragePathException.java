package io.xstore.fileserver.storage;

/** A client-supplied path that cannot be stored; {@link #escapesRoot()} when it points above the storage root. */
public class InvalidStoragePathException extends IllegalArgumentException {

    private final String path;
    private final boolean escapesRoot;
    private final String reason;

    public InvalidStoragePathException(String path, boolean escapesRoot, String reason) {
        super(reason + ": " + path);
        this.path = path;
        this.escapesRoot = escapesRoot;
        this.reason = reason;
    }

    /** Short reason without the path, e.g. "Empty path not allowed". */
    public String reason() {
        return reason;
    }

    public String path() {
        return path;
    }

    public boolean escapesRoot() {
        return escapesRoot;
    }
}
