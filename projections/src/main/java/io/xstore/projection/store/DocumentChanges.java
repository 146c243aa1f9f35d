package io.xstore.projection.store;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

import java.util.Objects;

/**
 * The write a batch makes of one changed document, its BSON encoded once ({@link WireBson}): written
 * {@link DirectDocumentWrites directly} or as a write of the driver's bulk write ({@link #model}).
 */
final class DocumentChanges {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private DocumentChanges() {
    }

    /**
     * The write that turns the document as read ({@code known}: {@code original}, null when absent; else not read)
     * into {@code current} (null: deleted); null when nothing changed. A document read is written as the difference
     * of its top-level fields, so fields other writers own are left alone.
     */
    static DirectDocumentWrites.Write of(String id, Document original, boolean known, Document current,
                                         CodecRegistry registry) {
        if (current == null) {
            return known && original == null ? null : new DirectDocumentWrites.Delete(id);
        }
        if (known && original == null) {
            return new DirectDocumentWrites.Insert(id, WireBson.bytes(current, registry));
        }
        if (!known) {
            return new DirectDocumentWrites.Replace(id, WireBson.bytes(current, registry));
        }
        Document set = new Document();
        Document unset = new Document();
        current.forEach((key, value) -> {
            if (!Objects.equals(original.get(key), value)) {
                set.put(key, value);
            }
        });
        original.keySet().stream().filter(key -> !current.containsKey(key)).forEach(key -> unset.put(key, ""));
        if (set.isEmpty() && unset.isEmpty()) {
            return null;
        }
        Document update = new Document();
        if (!set.isEmpty()) {
            update.put("$set", set);
        }
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        return new DirectDocumentWrites.Update(id, WireBson.bytes(update, registry));
    }

    /** An update written blind (to a document not read), as a direct write. */
    static DirectDocumentWrites.Update update(String id, Bson update, CodecRegistry registry) {
        RawBsonDocument encoded = new RawBsonDocument(update.toBsonDocument(BsonDocument.class, registry),
                new BsonDocumentCodec());
        ByteBuf buffer = encoded.getByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new DirectDocumentWrites.Update(id, bytes);
    }

    /** The write as one of a driver's bulk write. */
    static WriteModel<RawBsonDocument> model(DirectDocumentWrites.Write change) {
        Bson byId = Filters.eq("_id", change.id());
        if (change instanceof DirectDocumentWrites.Insert insert) {
            return new InsertOneModel<>(new RawBsonDocument(insert.bson()));
        }
        if (change instanceof DirectDocumentWrites.Replace replace) {
            return new ReplaceOneModel<>(byId, new RawBsonDocument(replace.bson()), UPSERT);
        }
        if (change instanceof DirectDocumentWrites.Update update) {
            return new UpdateOneModel<>(byId, new RawBsonDocument(update.update()));
        }
        return new DeleteOneModel<>(byId);
    }
}
