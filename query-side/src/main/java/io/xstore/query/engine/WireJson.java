package io.xstore.query.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.xstore.protocol.WireDates;
import io.xstore.readmodel.MongoKeys;
import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stored read-model document written to the answer straight from its BSON, in the wire shape of
 * {@link WireDocuments#render} (same keys, order and values) without building the document or its wire copy as maps
 * first. Tags and task artifacts, which the wire shape sorts, and values of rare BSON types go through
 * {@link WireDocuments} itself.
 */
public final class WireJson implements JsonSerializable {

    private static final DecoderContext DECODING = DecoderContext.builder().build();
    private static final DocumentCodec DOCUMENTS = new DocumentCodec();
    private static final BsonValueCodec BSON_VALUES = new BsonValueCodec();
    /**
     * Fields the wire shape sorts: tags (a list of strings is sorted here, anything else takes the map path), task
     * artifacts and metrics (the map path). Nested values are written through the provider, not
     * {@code gen.writeObject}, which would flush the answer to the socket at each of them.
     */
    private static final Set<String> TAGS = Set.of("tags", "system_tags");
    private static final Set<String> SORTED_BY_MAP = Set.of("execution", "last_metrics");

    private final RawBsonDocument stored;

    public WireJson(RawBsonDocument stored) {
        this.stored = stored;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        BsonValue id = stored.get("_id");
        gen.writeStartObject();
        if (id != null) {
            gen.writeFieldName("id");
            if (id.isString()) {
                gen.writeString(id.asString().getValue());
            } else {
                serializers.defaultSerializeValue(WireDocuments.value(plain(id)), gen);
            }
        }
        try (BsonReader reader = new BsonBinaryReader(stored.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String key = reader.readName();
                BsonType type = reader.getCurrentBsonType();
                if (type == BsonType.NULL || type == BsonType.UNDEFINED || key.startsWith("_")
                        || key.equals("id") && id != null) {
                    reader.skipValue();
                } else if (TAGS.contains(key) || SORTED_BY_MAP.contains(key)) {
                    BsonValue value = BSON_VALUES.decode(reader, DECODING);
                    gen.writeFieldName(key);
                    if (TAGS.contains(key) && isStrings(value)) {
                        writeSorted(value.asArray(), gen);
                    } else {
                        serializers.defaultSerializeValue(WireDocuments.render(Map.of(key, plain(value))).get(key),
                                gen);
                    }
                } else {
                    gen.writeFieldName(MongoKeys.unescape(key));
                    write(reader, type, gen, serializers);
                }
            }
            reader.readEndDocument();
        }
        gen.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    /** A list of strings only (tags as the server writes them). */
    private static boolean isStrings(BsonValue value) {
        return value.isArray() && value.asArray().stream().allMatch(BsonValue::isString);
    }

    private static void writeSorted(BsonArray strings, JsonGenerator gen) throws IOException {
        List<String> sorted = new ArrayList<>(strings.size());
        strings.forEach(tag -> sorted.add(tag.asString().getValue()));
        sorted.sort(null);
        gen.writeStartArray();
        for (String tag : sorted) {
            gen.writeString(tag);
        }
        gen.writeEndArray();
    }

    /** The current value, as {@link WireDocuments#value} would write it. */
    private static void write(BsonReader reader, BsonType type, JsonGenerator gen, SerializerProvider serializers)
            throws IOException {
        switch (type) {
            case STRING -> gen.writeString(reader.readString());
            case INT32 -> gen.writeNumber(reader.readInt32());
            case INT64 -> gen.writeNumber(reader.readInt64());
            case DOUBLE -> gen.writeNumber(reader.readDouble());
            case BOOLEAN -> gen.writeBoolean(reader.readBoolean());
            case DATE_TIME -> gen.writeString(WireDates.format(new Date(reader.readDateTime())));
            case OBJECT_ID -> gen.writeString(reader.readObjectId().toHexString());
            case DECIMAL128 -> gen.writeNumber(reader.readDecimal128().bigDecimalValue());
            case NULL -> {
                reader.readNull();
                gen.writeNull();
            }
            case DOCUMENT -> {
                reader.readStartDocument();
                gen.writeStartObject();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    gen.writeFieldName(MongoKeys.unescape(reader.readName()));
                    write(reader, reader.getCurrentBsonType(), gen, serializers);
                }
                reader.readEndDocument();
                gen.writeEndObject();
            }
            case ARRAY -> {
                reader.readStartArray();
                gen.writeStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    write(reader, reader.getCurrentBsonType(), gen, serializers);
                }
                reader.readEndArray();
                gen.writeEndArray();
            }
            default -> serializers.defaultSerializeValue(
                    WireDocuments.value(plain(BSON_VALUES.decode(reader, DECODING))), gen);
        }
    }

    /** A BSON value as the driver's {@link Document} holds it (what {@link WireDocuments} expects). */
    private static Object plain(BsonValue value) {
        BsonDocument holder = new BsonDocument("v", value);
        return DOCUMENTS.decode(holder.asBsonReader(), DECODING).get("v");
    }

    /** For tests and logs: the document in wire shape, as maps. */
    public Map<String, Object> toMap() {
        return WireDocuments.render(DOCUMENTS.decode(stored.asBsonReader(), DECODING));
    }
}
