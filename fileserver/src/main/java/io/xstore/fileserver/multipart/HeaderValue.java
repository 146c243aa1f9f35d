package io.xstore.fileserver.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A header value with parameters, e.g. {@code form-data; name="/a/b.csv"; filename="/a/b.csv"} or
 * {@code multipart/form-data; boundary=xyz}. Parameter names are case-insensitive. Quoted strings unescape
 * {@code \"} and {@code \\} only (other backslashes are kept, as clients such as urllib3 2.x send them raw);
 * percent escapes such as {@code %22} are NOT decoded: the SDK's field names are stored literally.
 * RFC 2231 / 5987 extended parameters ({@code name*=UTF-8''...}) are decoded and win over plain ones.
 */
public record HeaderValue(String value, Map<String, String> parameters) {

    public static HeaderValue parse(String header) {
        String text = header == null ? "" : header;
        int semicolon = text.indexOf(';');
        String value = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
        Map<String, String> plain = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> extended = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int i = semicolon < 0 ? text.length() : semicolon + 1;
        while (i < text.length()) {
            int keyEnd = i;
            while (keyEnd < text.length() && text.charAt(keyEnd) != '=' && text.charAt(keyEnd) != ';') {
                keyEnd++;
            }
            String key = text.substring(i, keyEnd).trim();
            if (keyEnd >= text.length() || text.charAt(keyEnd) == ';') {
                i = keyEnd + 1;
                continue;
            }
            int v = keyEnd + 1;
            while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
                v++;
            }
            String parameter;
            if (v < text.length() && text.charAt(v) == '"') {
                StringBuilder unquoted = new StringBuilder();
                int q = v + 1;
                for (; q < text.length() && text.charAt(q) != '"'; q++) {
                    char c = text.charAt(q);
                    if (c == '\\' && q + 1 < text.length() && (text.charAt(q + 1) == '"' || text.charAt(q + 1) == '\\')) {
                        c = text.charAt(++q);
                    }
                    unquoted.append(c);
                }
                parameter = unquoted.toString();
                int next = text.indexOf(';', q);
                i = next < 0 ? text.length() : next + 1;
            } else {
                int next = text.indexOf(';', v);
                int end = next < 0 ? text.length() : next;
                parameter = text.substring(v, end).trim();
                i = end + 1;
            }
            if (key.endsWith("*")) {
                String decoded = decodeExtended(parameter);
                if (decoded != null) {
                    extended.put(key.substring(0, key.length() - 1).trim().toLowerCase(Locale.ROOT), decoded);
                }
            } else if (!key.isEmpty()) {
                plain.putIfAbsent(key.toLowerCase(Locale.ROOT), parameter);
            }
        }
        plain.putAll(extended);
        return new HeaderValue(value, plain);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /** {@code charset'language'percent-encoded}; null when malformed or the charset is unknown. */
    private static String decodeExtended(String text) {
        int first = text.indexOf('\'');
        int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(text.substring(0, first).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = second + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        return bytes.toString(charset);
    }

    private static boolean isHex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }
}
