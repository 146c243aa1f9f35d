package io.xstore.command.eventstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Walks the frames of a file from the start, checking lengths and checksums, with one large buffer. */
final class FrameScanner {

    /** Receives each valid frame: its offset in the file and its body (position to limit). */
    @FunctionalInterface
    interface FrameHandler {
        void frame(long offset, ByteBuffer body) throws IOException;
    }

    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private long bufferStart;
    private int bufferValid;

    /** Hands every valid frame to the handler; returns the offset where the valid frames end. */
    long scan(FileChannel channel, FrameHandler handler) throws IOException {
        return scan(channel, channel.size(), handler);
    }

    /** As {@link #scan(FileChannel, FrameHandler)}, reading no further than {@code fileSize} bytes. */
    long scan(FileChannel channel, long fileSize, FrameHandler handler) throws IOException {
        bufferValid = 0;
        long position = 0;
        while (position < fileSize) {
            if (!fill(channel, position, RecordFormat.FRAME_HEADER)) {
                return position;
            }
            int at = (int) (position - bufferStart);
            int length = buffer.getInt(at);
            int checksum = buffer.getInt(at + 4);
            if (length < RecordFormat.MIN_BODY || length > RecordFormat.MAX_BODY
                    || position + RecordFormat.FRAME_HEADER + length > fileSize
                    || !fill(channel, position, RecordFormat.FRAME_HEADER + length)) {
                return position;
            }
            at = (int) (position - bufferStart);
            ByteBuffer body = buffer.duplicate().limit(at + RecordFormat.FRAME_HEADER + length)
                    .position(at + RecordFormat.FRAME_HEADER);
            if (RecordFormat.checksum(body.duplicate()) != checksum) {
                return position;
            }
            handler.frame(position, body);
            position += RecordFormat.FRAME_HEADER + length;
        }
        return position;
    }

    /** Makes bytes [position, position + length) available in the buffer; false if the file ends first. */
    private boolean fill(FileChannel channel, long position, int length) throws IOException {
        if (position >= bufferStart && position + length <= bufferStart + bufferValid) {
            return true;
        }
        if (length > buffer.capacity()) {
            buffer = ByteBuffer.allocateDirect(Math.max(length, buffer.capacity() * 2));
        }
        buffer.clear();
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        bufferStart = position;
        bufferValid = buffer.position();
        return bufferValid >= length;
    }
}
