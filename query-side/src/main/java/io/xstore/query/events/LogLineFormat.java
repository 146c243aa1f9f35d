package io.xstore.query.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.readmodel.events.EventFields;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a downloaded console log. {@code json}: the event without {@code type} and {@code task}, its
 * {@code timestamp} (epoch ms) renamed {@code asctime}. {@code text}: a Python-style {@code {field}} template filled
 * from the event, {@code asctime} as a UTC date and time; unknown fields print as nothing.
 */
public final class LogLineFormat {

    public static final String DEFAULT_TEMPLATE = "{asctime} {worker} {level} {msg}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .withZone(ZoneOffset.UTC);

    private final boolean json;
    private final String template;

    private LogLineFormat(boolean json, String template) {
        this.json = json;
        this.template = template;
    }

    public static LogLineFormat json() {
        return new LogLineFormat(true, null);
    }

    public static LogLineFormat text(String template) {
        return new LogLineFormat(false, template);
    }

    /** The line for a stored event (already without {@code seq}), ending with a newline. */
    public String line(Map<String, Object> event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        event.forEach((name, value) -> {
            if (EventFields.TIMESTAMP.equals(name)) {
                fields.put("asctime", value);
            } else if (!EventFields.TYPE.equals(name) && !EventFields.TASK.equals(name)) {
                fields.put(name, value);
            }
        });
        return json ? toJson(fields) + "\n" : fill(fields);
    }

    private String fill(Map<String, Object> fields) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            int colon = name.indexOf(':');
            if (colon >= 0) {
                name = name.substring(0, colon);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(render(name, fields.get(name))));
        }
        matcher.appendTail(out);
        if (out.isEmpty() || out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out.toString();
    }

    private static String render(String name, Object value) {
        if (value == null) {
            return "";
        }
        if ("asctime".equals(name) && value instanceof Number ms) {
            return TEXT_TIME.format(Instant.ofEpochMilli(ms.longValue()));
        }
        return String.valueOf(value);
    }

    private static String toJson(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is plain JSON", e);
        }
    }
}
