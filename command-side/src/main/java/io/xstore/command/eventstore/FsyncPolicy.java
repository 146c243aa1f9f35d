package io.xstore.command.eventstore;

/** When an append counts as done. */
public enum FsyncPolicy {

    /** Each group commit is forced to the device ({@code FileChannel.force(false)}) before anyone is answered. */
    ALWAYS,

    /**
     * Each group commit is handed to the OS ({@code write()}) before anyone is answered: it survives a killed
     * process, not an OS crash or power loss.
     */
    NEVER
}
