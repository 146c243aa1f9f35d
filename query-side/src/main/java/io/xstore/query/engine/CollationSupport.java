package io.xstore.query.engine;

/**
 * Whether the MongoDB server applies collations. A real MongoDB does; the embedded mongo-java-server ignores them,
 * so numeric ordering is then done in Java ({@link NumericOrdering}). Wired by the server; without a bean the Java
 * path is taken, which is correct on both.
 */
public interface CollationSupport {

    boolean supported();
}
