package io.haat.identity.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the claims of a Keycloak token WITHOUT checking its signature: only to learn which user or token a
 * string claims to be, before Keycloak itself decides whether it is valid.
 */
public final class JwtPayload {

    private static final Pattern COMPACT_JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final int MAX_LENGTH = 8192;

    private JwtPayload() {
    }

    /** Whether {@code token} has the shape of a compact JWT. */
    public static boolean looksLikeJwt(String token) {
        return token != null && token.length() <= MAX_LENGTH && COMPACT_JWT.matcher(token).matches();
    }

    public static Optional<JsonNode> claims(String token, JsonMapper json) {
        if (!looksLikeJwt(token)) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            JsonNode claims = json.readTree(new String(payload, StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }
}
