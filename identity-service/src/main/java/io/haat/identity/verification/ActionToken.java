package io.haat.identity.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.haat.identity.support.JwtPayload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token of a Keycloak execute-actions link ({@code .../login-actions/action-token?key=<token>}), as a
 * frontend hands it over: the key itself or the whole link. Its claims are read unverified; Keycloak verifies it.
 */
public record ActionToken(String key, String userId, String tokenId, Instant expiresAt, List<String> actions) {

    private static final Pattern KEY_PARAMETER = Pattern.compile("[?&](?:amp;)?key=([A-Za-z0-9_.-]+)");

    public static Optional<ActionToken> parse(String keyOrLink, JsonMapper json) {
        if (keyOrLink == null) {
            return Optional.empty();
        }
        String key = keyOrLink.strip();
        if (key.startsWith("http://") || key.startsWith("https://")) {
            Matcher parameter = KEY_PARAMETER.matcher(key);
            key = parameter.find() ? parameter.group(1) : "";
        }
        String token = key;
        return JwtPayload.claims(token, json)
                .filter(claims -> "execute-actions".equals(claims.path("typ").asString("")))
                .filter(claims -> !claims.path("sub").asString("").isEmpty())
                .map(claims -> new ActionToken(token, claims.path("sub").asString(), claims.path("jti").asString(""),
                        Instant.ofEpochSecond(claims.path("exp").asLong(0)), actions(claims)));
    }

    public boolean allows(String action) {
        return actions.contains(action);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    private static List<String> actions(JsonNode claims) {
        return claims.path("rqac").valueStream().map(JsonNode::asString).toList();
    }
}
