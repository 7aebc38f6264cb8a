package io.haat.identity.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.haat.identity.IdentityProperties;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Client-credentials tokens of the {@code haat-services} service account, cached until shortly before they expire. */
class ServiceAccountTokens {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private record Cached(String value, Instant refreshAfter) {
    }

    private final KeycloakHttp http;
    private final IdentityProperties.Keycloak keycloak;
    private final Clock clock;
    private volatile Cached cached;

    ServiceAccountTokens(KeycloakHttp http, IdentityProperties.Keycloak keycloak, Clock clock) {
        this.http = http;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    String token() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.refreshAfter())) {
            return current.value();
        }
        synchronized (this) {
            current = cached;
            if (current == null || !clock.instant().isBefore(current.refreshAfter())) {
                current = fetch();
                cached = current;
            }
            return current.value();
        }
    }

    /** Forgets the cached token (Keycloak refused it, e.g. after a restart with a new signing key). */
    void invalidate() {
        cached = null;
    }

    private Cached fetch() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", keycloak.servicesClientId());
        form.add("client_secret", keycloak.servicesClientSecret());
        KeycloakHttp.Answer answer = http.form(keycloak.tokenUrl(), form, null);
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("client credentials grant", answer);
        }
        TokenSet tokens = answer.as(TokenSet.class);
        Duration lifetime = Duration.ofSeconds(Math.max(tokens.expiresIn(), 1));
        Duration reuse = lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN) : lifetime.dividedBy(2);
        return new Cached(tokens.accessToken(), clock.instant().plus(reuse));
    }
}
