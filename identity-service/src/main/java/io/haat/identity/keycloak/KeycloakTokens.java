package io.haat.identity.keycloak;

import io.haat.identity.IdentityProperties;
import io.haat.platform.web.UnauthorizedException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Keycloak's OpenID Connect endpoints for the login client: password grant, refresh, code exchange and logout. */
public class KeycloakTokens {

    private final KeycloakHttp http;
    private final IdentityProperties.Keycloak keycloak;

    KeycloakTokens(KeycloakHttp http, IdentityProperties.Keycloak keycloak) {
        this.http = http;
        this.keycloak = keycloak;
    }

    public PasswordGrant password(String username, String password) {
        MultiValueMap<String, String> form = clientForm("password");
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

    /** @throws UnauthorizedException {@code invalid-refresh-token}: expired, revoked or not a refresh token */
    public TokenSet refresh(String refreshToken) {
        MultiValueMap<String, String> form = clientForm("refresh_token");
        form.add("refresh_token", refreshToken);
        KeycloakHttp.Answer answer = http.form(keycloak.tokenUrl(), form, null);
        if (answer.ok()) {
            return answer.as(TokenSet.class);
        }
        if (answer.status() == 400 || answer.status() == 401) {
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
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", keycloak.loginClientId());
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

    private MultiValueMap<String, String> clientForm(String grantType) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", keycloak.loginClientId());
        return form;
    }
}
