package io.haat.identity.auth;

import io.haat.identity.keycloak.TokenSet;

/** Tokens for the client: the access token (Bearer) and the refresh token, with their lifetimes in seconds. */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn,
                            String tokenType) {

    public static TokenResponse from(TokenSet tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
                tokens.refreshExpiresIn(), tokens.tokenType() == null ? "Bearer" : tokens.tokenType());
    }
}
