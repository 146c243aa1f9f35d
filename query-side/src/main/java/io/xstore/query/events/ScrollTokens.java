package io.xstore.query.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiError;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Scroll ids and iterator states of the events service as self-describing tokens: the state as JSON, base64url, a
 * dot and an HMAC-SHA256 of it under a key drawn at process start. Nothing is kept on the server, so a token never
 * expires while the process lives and survives any number of calls; a token of an earlier process, a forged or
 * altered one, or one of another kind, company or target is an invalid scroll id (400/1104).
 */
@Component
public class ScrollTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 20;

    private final SecretKeySpec key;

    public ScrollTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A token for {@code state}, tagged with its kind and the caller's company. */
    public String issue(String kind, String company, ObjectNode state) {
        ObjectNode payload = state.deepCopy();
        payload.put("_k", kind);
        payload.put("_c", company == null ? "" : company);
        try {
            String body = ENCODER.encodeToString(JSON.writeValueAsBytes(payload));
            return body + "." + ENCODER.encodeToString(mac(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scroll state is plain JSON", e);
        }
    }

    /** The state of a token issued here for this kind and company; 400/1104 otherwise. */
    public ObjectNode open(String token, String kind, String company) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw invalid(token);
        }
        String body = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                throw invalid(token);
            }
            ObjectNode payload = (ObjectNode) JSON.readTree(DECODER.decode(body));
            if (!kind.equals(payload.path("_k").asText())
                    || !(company == null ? "" : company).equals(payload.path("_c").asText())) {
                throw invalid(token);
            }
            payload.remove("_k");
            payload.remove("_c");
            return payload;
        } catch (IllegalArgumentException | ClassCastException | IOException e) {
            throw invalid(token);
        }
    }

    public static ObjectNode newState() {
        return JSON.createObjectNode();
    }

    static RuntimeException invalid(String token) {
        String shown = token == null ? "" : token.length() > 40 ? token.substring(0, 40) + "..." : token;
        return ApiError.INVALID_SCROLL_ID.toException(Map.of("scroll_id", shown));
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
