package io.xstore.migration.ops.imports;

/** Sends one imported entity's command and waits; a refusal is reported (not thrown) and answers false. */
@FunctionalInterface
interface ImportCommands {

    boolean send(String kind, String id, Object command);
}
