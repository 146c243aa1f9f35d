package io.xstore.server.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Instants read by the shortcut are exactly those Jackson's own reader gives, for every form Jackson writes. */
class IsoInstantDeserializerTest {

    private final ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstantDeserializer()));

    @Test
    void writtenInstantsReadBackAsJacksonReadsThem() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 4_000_000_000L, switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            });
            String json = plain.writeValueAsString(instant);
            assertThat(fast.readValue(json, Instant.class)).as(json).isEqualTo(plain.readValue(json, Instant.class));
        }
    }

    @Test
    void otherFormsGoToJacksonsReader() throws Exception {
        for (String json : List.of("\"2026-12-07T04:00:00+02:00\"", "1765080000.5", "1765080000",
                "\"+12026-12-07T04:00:00Z\"", "\"2026-02-28T23:59:59.9Z\"")) {
            assertThat(fast.readValue(json, Instant.class)).as(json).isEqualTo(plain.readValue(json, Instant.class));
        }
        assertThat(IsoInstantDeserializer.parse("2026-02-30T00:00:00Z")).isNull();
        assertThat(IsoInstantDeserializer.parse("2026-12-07T24:00:00Z")).isNull();
        assertThat(IsoInstantDeserializer.parse("2026-12-07T04:00:00.Z")).isNull();
    }
}
