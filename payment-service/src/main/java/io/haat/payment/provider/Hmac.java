package io.haat.payment.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as the providers sign with it, and comparisons that take the same time whatever differs. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String sha256Base64(String secret, String message) {
        return Base64.getEncoder().encodeToString(sha256(secret, message));
    }

    public static String sha256Hex(String secret, String message) {
        return HexFormat.of().formatHex(sha256(secret, message));
    }

    /** Constant-time comparison, so a forger learns nothing from how long a refusal takes. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
