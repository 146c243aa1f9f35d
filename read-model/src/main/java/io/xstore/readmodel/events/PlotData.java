package io.xstore.readmodel.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Large plots are stored compressed: {@code plot_data} = base64(zlib(plot_str)) once {@code plot_str} reaches
 * {@link #COMPRESS_FROM} characters, and readers put {@code plot_str} back before returning the event.
 */
public final class PlotData {

    public static final int COMPRESS_FROM = 100_000;

    private PlotData() {
    }

    public static String compress(String plotStr) {
        Deflater deflater = new Deflater();
        deflater.setInput(plotStr.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(plotStr.length() / 4 + 64);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    public static String decompress(String plotData) {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(plotData));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("plot_data is not zlib data", e);
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Puts {@code plot_str} back into a stored plot event (in place) and drops the compressed form. */
    public static void restore(Map<String, Object> source) {
        Object data = source.remove(EventFields.PLOT_DATA);
        if (data instanceof String compressed && !source.containsKey(EventFields.PLOT_STR)) {
            source.put(EventFields.PLOT_STR, decompress(compressed));
        }
    }
}
