package io.haat.order.cart;

import io.haat.platform.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The opaque token that identifies a guest cart: 128 random bits, base64url. Only its SHA-256 is stored, so the
 * database alone cannot be used to take over a guest's cart.
 */
public record CartToken(String value) {

    public static final String HEADER = "X-Cart-Token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    public static CartToken issue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new CartToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token a client sent; 400 if it cannot be one this service issued. */
    public static CartToken parse(String header) {
        if (header == null || !FORMAT.matcher(header).matches()) {
            throw new InvalidRequestException(HEADER, "is not a cart token");
        }
        return new CartToken(header);
    }

    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "CartToken[…]"; // never in logs
    }
}
