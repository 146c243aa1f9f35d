package io.xstore.server.consistency;

/** The newest event position the current thread appended, which its API call must be able to read back. */
public interface OwnWrites {

    /** The position appended by this thread since the last call, or -1; forgets it. */
    long takeLastAppended();
}
