package io.xstore.server.embedded.h2;

import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a collection's document map: H2's generic type, as mongo-java-server's H2 collections have them (the
 * same bytes in the file, the same order), except that two strings (the {@code _id} of every read-model document) are
 * compared directly. H2's generic compare first works out both values' types and then dispatches through the type's
 * class; in a replay's direct writes, each a few lookups in maps of a hundred thousand keys, that was a tenth of all
 * the time.
 */
final class DocumentKeyType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return super.compare(a, b);
    }
}
