package io.xstore.projection.metrics;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Compact binary form of a {@link SeriesState} in the summary store and its changelog; starts with a version byte. */
final class SeriesStateSerde implements Serde<SeriesState> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<SeriesState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<SeriesState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(SeriesState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeText(out, s.metric());
            writeText(out, s.variant());
            out.writeDouble(s.value());
            out.writeDouble(s.minValue());
            out.writeLong(s.minValueIteration());
            out.writeDouble(s.maxValue());
            out.writeLong(s.maxValueIteration());
            out.writeDouble(s.firstValue());
            out.writeLong(s.firstValueIteration());
            out.writeLong(s.count());
            out.writeDouble(s.sum());
            writeText(out, s.xAxisLabel());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SeriesState read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown series summary version " + version);
            }
            return new SeriesState(readText(in), readText(in), in.readDouble(),
                    in.readDouble(), in.readLong(), in.readDouble(), in.readLong(),
                    in.readDouble(), in.readLong(), in.readLong(), in.readDouble(), readText(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
