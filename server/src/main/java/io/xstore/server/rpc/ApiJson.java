package io.xstore.server.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xstore.protocol.WireDates;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;

/** The JSON mapper of the API: ASCII-escaped output, ClearML datetimes, lenient request binding. */
public final class ApiJson {

    private ApiJson() {
    }

    public static ObjectMapper create() {
        SimpleModule dates = new SimpleModule("clearml-dates");
        dates.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(WireDates.format(value));
            }
        });
        dates.addSerializer(Date.class, new JsonSerializer<>() {
            @Override
            public void serialize(Date value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(WireDates.format(value));
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(dates)
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                // Python's json.dumps writes NaN and Infinity tokens into event batches
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
