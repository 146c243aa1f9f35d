package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;

/**
 * A stored document as read from the file: its BSON bytes, decoded only when a query or update asks for this very
 * document. Reading one document from a page then costs one decode, not one per document of the page, and the page
 * cache holds the compact bytes, so several times more documents stay in memory.
 */
record EncodedDocument(byte[] bson) {

    Document decode() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The document of a stored value, whichever form it is in. */
    static Document of(Object stored) {
        return stored instanceof EncodedDocument encoded ? encoded.decode() : (Document) stored;
    }
}
