package io.haat.identity.keycloak;

import java.util.List;
import java.util.function.Consumer;

import io.haat.identity.IdentityProperties;
import io.haat.identity.support.JwtPayload;
import io.haat.platform.web.UnauthorizedException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Keycloak's OpenID Connect endpoints: the password grant of the confidential password client (with its secret, so
 * that nobody but this service can turn a password into tokens once public clients have no direct grant), the code
 * exchange of the public login client, and refresh and logout with whichever of the two issued the token.
 */
public class KeycloakTokens {

    /** What Keycloak says when a refresh token is used after it was rotated (realm {@code revokeRefreshToken}). */
    private static final List<String> REUSE = List.of("Maximum allowed refresh token reuse exceeded",
            "Stale token");

    /** A refresh token Keycloak refused because it had been used already: the session it belongs to. */
    public record Reused(String sessionId) {
    }

    private final KeycloakHttp http;
    private final IdentityProperties.Keycloak keycloak;

    KeycloakTokens(KeycloakHttp http, IdentityProperties.Keycloak keycloak) {
        this.http = http;
        this.keycloak = keycloak;
    }

    public PasswordGrant password(String username, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", keycloak.passwordClientId());
        form.add("client_secret", keycloak.passwordClientSecret());
        form.add("username", username);
        form.add("password", password);
        form.add("scope", "openid");
        KeycloakHttp.Answer answer = http.form(keycloak.tokenUrl(), form, null);
        if (answer.ok()) {
            return new PasswordGrant.Issued(answer.as(TokenSet.class));
        }
        String description = answer.text("error_description");
        if ("invalid_grant".equals(answer.text("error"))) {
            if (description.contains("disabled") && !description.contains("temporarily")) {
                return new PasswordGrant.Disabled();
            }
            if (description.contains("not fully set up")) {
                return new PasswordGrant.NotReady();
            }
            return new PasswordGrant.InvalidCredentials();
        }
        throw KeycloakHttp.unexpected("password grant", answer);
    }

    /**
     * @param reused told the session of a refresh token that was used before (a rotated one: stolen, or replayed),
     *               before the 401, so that the caller can end that session
     * @throws UnauthorizedException {@code invalid-refresh-token}: expired, revoked, reused or not a refresh token
     */
    public TokenSet refresh(String refreshToken, Consumer<Reused> reused) {
        MultiValueMap<String, String> form = tokenClientForm("refresh_token", refreshToken);
        form.add("refresh_token", refreshToken);
        KeycloakHttp.Answer answer = http.form(keycloak.tokenUrl(), form, null);
        if (answer.ok()) {
            return answer.as(TokenSet.class);
        }
        if (answer.status() == 400 || answer.status() == 401) {
            String description = answer.text("error_description");
            if (REUSE.stream().anyMatch(description::contains)) {
                // Keycloak checked the signature before it looked at reuse: the claims are the real session's
                JwtPayload.claims(refreshToken, http.json()).map(claims -> claims.path("sid").asString(""))
                        .filter(sid -> !sid.isEmpty()).ifPresent(sid -> reused.accept(new Reused(sid)));
            }
            throw new UnauthorizedException("invalid-refresh-token", "Invalid refresh token",
                    "The refresh token is expired, revoked or not valid. Log in again.");
        }
        throw KeycloakHttp.unexpected("refresh", answer);
    }

    /** Exchanges an authorization code (PKCE) for tokens; {@code invalid-authorization-code} if Keycloak refuses. */
    public TokenSet exchangeCode(String code, String redirectUri, String codeVerifier) {
        MultiValueMap<String, String> form = clientForm("authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);
        form.add("code_verifier", codeVerifier);
        KeycloakHttp.Answer answer = http.form(keycloak.tokenUrl(), form, null);
        if (answer.ok()) {
            return answer.as(TokenSet.class);
        }
        if (answer.status() == 400 || answer.status() == 401) {
            throw new UnauthorizedException("invalid-authorization-code", "Invalid authorization code",
                    "The authorization code is expired, used or does not match this login. Start the login again.");
        }
        throw KeycloakHttp.unexpected("code exchange", answer);
    }

    /** Ends the session of the refresh token; false if it was already over or the token is not valid. */
    public boolean logout(String refreshToken) {
        MultiValueMap<String, String> form = tokenClientForm(null, refreshToken);
        form.add("refresh_token", refreshToken);
        KeycloakHttp.Answer answer = http.form(keycloak.realmUrl() + "/protocol/openid-connect/logout", form, null);
        if (answer.ok()) {
            return true;
        }
        if (answer.status() == 400 || answer.status() == 401) {
            return false;
        }
        throw KeycloakHttp.unexpected("logout", answer);
    }

    /**
     * The client a refresh token belongs to: Keycloak refreshes and ends a session only for the client that got it
     * ({@code azp}): the password client (with its secret) for password logins, the public client otherwise.
     */
    private MultiValueMap<String, String> tokenClientForm(String grantType, String token) {
        boolean passwordClient = JwtPayload.claims(token, http.json())
                .map(claims -> claims.path("azp").asString(""))
                .filter(keycloak.passwordClientId()::equals).isPresent();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (grantType != null) {
            form.add("grant_type", grantType);
        }
        if (passwordClient) {
            form.add("client_id", keycloak.passwordClientId());
            form.add("client_secret", keycloak.passwordClientSecret());
        } else {
            form.add("client_id", keycloak.loginClientId());
        }
        return form;
    }

    private MultiValueMap<String, String> clientForm(String grantType) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", keycloak.loginClientId());
        return form;
    }
}
