package io.xstore.api;

import java.util.concurrent.ThreadLocalRandom;

/**
 * New identifiers of entities, calls and messages: random version-4 UUIDs, as 32 hex digits (the ids clients see) or
 * in the dashed form (Axon's message ids). They come from a per-thread generator rather than {@code SecureRandom}:
 * they need to be unique, not unpredictable (every read checks the caller's company), and {@code SecureRandom}'s
 * shared lock and hashing were a visible share of a write (a command makes several ids).
 */
public final class NewIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NewIds() {
    }

    /** 32 lower-case hex digits. */
    public static String hex() {
        char[] out = new char[32];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        write(out, 0, versioned(random.nextLong()), 16);
        write(out, 16, variant(random.nextLong()), 16);
        return new String(out);
    }

    /** The canonical form, {@code 8-4-4-4-12} hex digits. */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = versioned(random.nextLong());
        long low = variant(random.nextLong());
        char[] out = new char[36];
        write(out, 0, high >>> 32, 8);
        out[8] = '-';
        write(out, 9, high >>> 16, 4);
        out[13] = '-';
        write(out, 14, high, 4);
        out[18] = '-';
        write(out, 19, low >>> 48, 4);
        out[23] = '-';
        write(out, 24, low, 12);
        return new String(out);
    }

    private static long versioned(long bits) {
        return bits & ~0xF000L | 0x4000L;
    }

    private static long variant(long bits) {
        return bits & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
    }

    /** The lowest {@code digits} hex digits of {@code value} into {@code out} from {@code at}. */
    private static void write(char[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
