package io.haat.identity.social;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.haat.identity.IdentityProperties;
import io.haat.identity.keycloak.KeycloakTokens;
import io.haat.identity.keycloak.TokenSet;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Social login through Keycloak's identity brokering: the redirect to Keycloak with {@code kc_idp_hint} (straight
 * to Google or Facebook) and PKCE, and the exchange of the code that comes back. The PKCE verifier is kept here
 * (by {@code state}, for ten minutes, single use) unless the client brings its own {@code code_challenge}.
 */
@Service
public class SocialLoginService {

    static final Set<String> PROVIDERS = Set.of("google", "facebook");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where to send the browser, and the state that will come back with the code. */
    public record Redirect(URI authorizationUrl, String state) {
    }

    private final JdbcClient jdbc;
    private final KeycloakTokens tokens;
    private final IdentityProperties properties;
    private final Clock clock;

    public SocialLoginService(JdbcClient jdbc, KeycloakTokens tokens, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param redirectUri   where Keycloak returns the code; one of the configured frontend callback URIs (null = first)
     * @param codeChallenge the client's own S256 challenge, or null to let this service hold the verifier
     * @param clientState   the client's state value, or null for a generated one
     */
    public Redirect start(String provider, String redirectUri, String codeChallenge, String clientState) {
        String idp = provider.toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(idp)) {
            throw new NotFoundException("unknown-provider", "Unknown provider",
                    "Social login supports google and facebook.");
        }
        String callback = redirectUri == null || redirectUri.isBlank()
                ? properties.web().socialRedirectUris().getFirst() : redirectUri.strip();
        if (!properties.web().socialRedirectUris().contains(callback)) {
            throw new BadRequestException("redirect-uri-not-allowed", "Redirect URI not allowed",
                    "redirectUri must be one of the frontend's registered callback URIs.");
        }
        refuseIfTooManyPending();
        String state = clientState == null || clientState.isBlank() ? random(24) : clientState.strip();
        String verifier = null;
        String challenge = codeChallenge;
        if (challenge == null || challenge.isBlank()) {
            verifier = random(48);
            challenge = s256(verifier);
        }
        jdbc.sql("""
                        INSERT INTO social_login (state, provider, code_verifier, redirect_uri, created_at)
                        VALUES (:state, :provider, :verifier, :redirectUri, :createdAt)""")
                .param("state", state).param("provider", idp).param("verifier", verifier).param("redirectUri", callback)
                .param("createdAt", Timestamp.from(clock.instant()))
                .update();
        URI url = UriComponentsBuilder.fromUriString(properties.keycloak().publicAuthorizationUrl())
                .queryParam("client_id", properties.keycloak().loginClientId())
                .queryParam("response_type", "code")
                .queryParam("scope", "openid profile email")
                .queryParam("redirect_uri", callback)
                .queryParam("state", state)
                .queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256")
                .queryParam("kc_idp_hint", idp)
                .encode().build().toUri();
        return new Redirect(url, state);
    }

    /** Exchanges the code Keycloak sent to the frontend's callback; the state must be one this service started. */
    public TokenSet exchange(String state, String code, String codeVerifier) {
        record Attempt(String verifier, String redirectUri, Instant createdAt) {
        }
        Optional<Attempt> attempt = jdbc.sql("""
                        DELETE FROM social_login WHERE state = :state
                        RETURNING code_verifier, redirect_uri, created_at""")
                .param("state", state)
                .query((rs, row) -> new Attempt(rs.getString("code_verifier"), rs.getString("redirect_uri"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
        Attempt started = attempt.filter(a -> a.createdAt().plus(settings().stateTtl()).isAfter(clock.instant()))
                .orElseThrow(() -> new BadRequestException("social-login-state-invalid", "Unknown login attempt",
                        "This login attempt is unknown or has expired. Start the social login again."));
        String verifier = started.verifier() != null ? started.verifier() : codeVerifier;
        if (verifier == null || verifier.isBlank()) {
            throw new BadRequestException("code-verifier-required", "Code verifier required",
                    "This login was started with your own code_challenge: send its codeVerifier.");
        }
        return tokens.exchangeCode(code, started.redirectUri(), verifier);
    }

    /**
     * Deletes expired attempts, oldest first, in batches that skip rows another instance is deleting (every
     * instance runs the job; none waits for another).
     */
    public int purgeExpired() {
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                            DELETE FROM social_login WHERE state IN (
                                SELECT state FROM social_login WHERE created_at < :before
                                ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                    .param("before", Timestamp.from(clock.instant().minus(settings().stateTtl())))
                    .param("batch", settings().purgeBatch()).update();
            deleted += batch;
        } while (batch >= settings().purgeBatch());
        return deleted;
    }

    @Scheduled(fixedDelayString = "${haat.identity.social-login.purge-interval:1m}", initialDelayString = "30s")
    void purgeJob() {
        purgeExpired();
    }

    /**
     * Anyone may start a social login without an account, and each start is a row: past {@code max-pending}
     * attempts still running (expired ones are purged first), 429 {@code social-login-busy}.
     */
    private void refuseIfTooManyPending() {
        if (pending() < settings().maxPending()) {
            return;
        }
        purgeExpired();
        if (pending() >= settings().maxPending()) {
            throw new TooManyRequestsException("social-login-busy", "Too many social logins in progress",
                    "Too many social logins are in progress right now. Try again in a minute.", Duration.ofMinutes(1));
        }
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM social_login WHERE created_at >= :since")
                .param("since", Timestamp.from(clock.instant().minus(settings().stateTtl())))
                .query(Long.class).single();
    }

    private IdentityProperties.SocialLogin settings() {
        return properties.socialLogin();
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
