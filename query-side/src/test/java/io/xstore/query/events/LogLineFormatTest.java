package io.xstore.query.events;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineFormatTest {

    private static Map<String, Object> event() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("task", "t1");
        event.put("type", "log");
        event.put("timestamp", 1_736_785_933_123L);
        event.put("worker", "host");
        event.put("level", "info");
        event.put("msg", "epoch 1 done");
        return event;
    }

    @Test
    void jsonLineIsTheEventWithoutTaskAndTypeAndTimestampAsAsctime() {
        assertThat(LogLineFormat.json().line(event()))
                .isEqualTo("{\"asctime\":1736785933123,\"worker\":\"host\",\"level\":\"info\","
                        + "\"msg\":\"epoch 1 done\"}\n");
    }

    @Test
    void textLineFillsTheTemplateWithAsctimeAsUtcDateTime() {
        assertThat(LogLineFormat.text(LogLineFormat.DEFAULT_TEMPLATE).line(event()))
                .isEqualTo("2025-01-13 16:32:13,123 host info epoch 1 done\n");
    }

    @Test
    void unknownPlaceholdersPrintNothingAndAMessageEndingInANewlineGetsNoSecondOne() {
        Map<String, Object> event = event();
        event.put("msg", "two\nlines\n");

        assertThat(LogLineFormat.text("[{nope}] {msg}").line(event)).isEqualTo("[] two\nlines\n");
    }
}
