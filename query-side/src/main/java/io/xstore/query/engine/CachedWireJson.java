package io.xstore.query.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.xstore.readmodel.RawDocumentCache;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A document the read side's cache holds, answered as {@link WireJson} renders it; from its second read on rendered
 * once: the JSON (and its UTF-8 bytes) is kept beside the cached document and copied into later answers as is. Written into a token buffer
 * (an answer that is reshaped before it is sent, docs/api/versions.md) it is rendered as a plain {@link WireJson}.
 */
final class CachedWireJson implements JsonSerializable {

    private final RawDocumentCache cache;
    private final String collection;
    private final String id;
    private final RawBsonDocument document;

    CachedWireJson(RawDocumentCache cache, String collection, String id, RawBsonDocument document) {
        this.cache = cache;
        this.collection = collection;
        this.id = id;
        this.document = document;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (gen instanceof TokenBuffer || !(gen.getCodec() instanceof ObjectMapper mapper)) {
            new WireJson(document).serialize(gen, serializers);
            return;
        }
        Object rendering = cache.rendering(collection, id, document, doc -> render(mapper, doc));
        if (rendering == null) {
            new WireJson(document).serialize(gen, serializers);
        } else {
            gen.writeRawValue((SerializableString) rendering);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    private static SerializableString render(ObjectMapper mapper, RawBsonDocument document) {
        try {
            SerializedString json = new SerializedString(mapper.writeValueAsString(new WireJson(document)));
            json.asUnquotedUTF8(); // the bytes are made once, here, and kept in it
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
