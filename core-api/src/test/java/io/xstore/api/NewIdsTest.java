package io.xstore.api;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewIdsTest {

    @Test
    void idsAreVersionFourUuidsInBothForms() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String dashed = NewIds.uuid();
            UUID parsed = UUID.fromString(dashed);
            assertEquals(dashed, parsed.toString());
            assertEquals(4, parsed.version());
            assertEquals(2, parsed.variant());
            String hex = NewIds.hex();
            assertTrue(hex.matches("[0-9a-f]{32}"), hex);
            UUID fromHex = UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
            assertEquals(4, fromHex.version());
            assertEquals(2, fromHex.variant());
            assertTrue(seen.add(dashed) && seen.add(hex));
        }
    }
}
