package io.xstore.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only channel on one file shared by all reader threads, with positional reads only.
 * <p>
 * An interrupt that reaches a thread blocked in a {@link FileChannel} read closes the channel for every thread. Event
 * processors get interrupted when they stop, so a closed channel is reopened here instead of breaking every other
 * reader; the interrupted reader itself gets an {@link EventStoreException}.
 */
final class ReadChannel implements AutoCloseable {

    private final Path path;
    private volatile FileChannel channel;
    private volatile boolean closed;

    ReadChannel(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    /** Reads from {@code position} until the buffer is full or the file ends; returns the bytes read. */
    int read(ByteBuffer buffer, long position) {
        int total = 0;
        int attempts = 0;
        while (buffer.hasRemaining()) {
            FileChannel current = channel;
            try {
                int n = current.read(buffer, position + total);
                if (n < 0) {
                    break;
                }
                total += n;
            } catch (ClosedByInterruptException e) {
                reopen(current);
                throw new EventStoreException("interrupted while reading " + path, e);
            } catch (ClosedChannelException e) {
                // typically another reader's interrupt closed the channel under us
                reopen(current);
                if (++attempts > 10) {
                    throw new EventStoreException("cannot read " + path, e);
                }
            } catch (IOException e) {
                throw new EventStoreException("cannot read " + path, e);
            }
        }
        return total;
    }

    private synchronized void reopen(FileChannel broken) {
        if (closed) {
            throw new EventStoreException("the event log is closed");
        }
        if (channel == broken) {
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reopen " + path, e);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
