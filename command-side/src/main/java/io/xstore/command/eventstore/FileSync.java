package io.xstore.command.eventstore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

final class FileSync {

    private FileSync() {
    }

    /** Makes a created, renamed or deleted entry of the directory durable (no-op where the OS refuses it). */
    static void directory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open or force a directory; nothing more can be done there
        }
    }
}
