package io.xstore.command.eventstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * One segment file, named after the global index of its first record ({@code 00000000000000000000.log}).
 * The writer owns {@link #writeChannel} and {@link #size}; readers go through {@link #reader}.
 */
final class Segment implements AutoCloseable {

    static final Pattern NAME = Pattern.compile("(\\d{20})\\.log");

    final Path path;
    final long baseIndex;
    final ReadChannel reader;
    private FileChannel writeChannel;
    long size;

    private Segment(Path path, long baseIndex, FileChannel writeChannel) throws IOException {
        this.path = path;
        this.baseIndex = baseIndex;
        this.writeChannel = writeChannel;
        this.size = writeChannel == null ? Files.size(path) : writeChannel.size();
        this.reader = new ReadChannel(path);
    }

    static String fileName(long baseIndex) {
        return String.format("%020d.log", baseIndex);
    }

    static Segment create(Path directory, long baseIndex) throws IOException {
        Path path = directory.resolve(fileName(baseIndex));
        return new Segment(path, baseIndex, FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    static Segment openWritable(Path path, long baseIndex) throws IOException {
        return new Segment(path, baseIndex, FileChannel.open(path, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    static Segment openSealed(Path path, long baseIndex) throws IOException {
        return new Segment(path, baseIndex, null);
    }

    void write(ByteBuffer bytes) throws IOException {
        long position = size;
        while (bytes.hasRemaining()) {
            position += writeChannel.write(bytes, position);
        }
        size = position;
    }

    void force() throws IOException {
        writeChannel.force(false);
    }

    void truncate(long length) throws IOException {
        writeChannel.truncate(length);
        writeChannel.force(false);
        size = length;
    }

    /** Segments no longer written to keep only their read channel. */
    void seal() throws IOException {
        if (writeChannel != null) {
            writeChannel.force(false);
            writeChannel.close();
            writeChannel = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            seal();
        } finally {
            reader.close();
        }
    }
}
