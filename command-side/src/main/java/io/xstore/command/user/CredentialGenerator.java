package io.xstore.command.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Access keys and secrets in ClearML's shapes: 30 chars of [A-Z0-9], and a URL-safe secret from 50 random bytes. */
public final class CredentialGenerator {

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialGenerator() {
    }

    public static String accessKey() {
        StringBuilder key = new StringBuilder(30);
        for (int i = 0; i < 30; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    public static String secret() {
        while (true) {
            byte[] bytes = new byte[50];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (secret.charAt(0) != '-' && secret.charAt(0) != '_') {
                return secret;
            }
        }
    }

    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
