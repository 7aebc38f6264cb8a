package io.haat.test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * A test JWT issuer shaped like the Keycloak realm {@code haat}: an RSA key served as JWKS over HTTP, and
 * tokens with {@code realm_access.roles}, audience {@code haat-api} and the usual Keycloak claims.
 */
public final class TestJwts implements AutoCloseable {

    public static final String AUDIENCE = "haat-api";
    public static final String KEY_ID = "haat-test-key";
    public static final String AUTHORIZED_PARTY = "haat-web";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final JwksServer server;

    private TestJwts(RSAKey key, RSAKey foreignKey) throws IOException {
        this.key = key;
        this.foreignKey = foreignKey;
        this.server = new JwksServer(new JWKSet(key.toPublicJWK()).toString(), this::serviceToken);
    }

    static TestJwts start() throws JOSEException, IOException {
        // an impostor's key under the same kid: its signatures must be rejected
        return new TestJwts(newKey(), newKey());
    }

    private static RSAKey newKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(KEY_ID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .generate();
    }

    /** {@code http://127.0.0.1:<port>/realms/haat}. */
    public String issuer() {
        return server.issuer();
    }

    /** {@code http://127.0.0.1:<port>/realms/haat/protocol/openid-connect/certs}. */
    public String jwksUri() {
        return server.jwksUri();
    }

    public String audience() {
        return AUDIENCE;
    }

    /** The public half of the signing key, for decoders built without HTTP. */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /** {@code http://127.0.0.1:<port>/realms/haat/protocol/openid-connect/token} (client credentials only). */
    public String tokenUri() {
        return server.issuer() + "/protocol/openid-connect/token";
    }

    /** A client-credentials token of the {@code haat-services} client, as Keycloak issues it: no realm roles. */
    public String serviceToken() {
        return builder().subject("service-account-haat-services").username("service-account-haat-services")
                .claim("azp", JwksServer.SERVICE_CLIENT_ID).sign();
    }

    /** A signed access token for the subject with the given realm roles, valid for five minutes. */
    public String token(String subject, String... roles) {
        return builder().subject(subject).roles(roles).sign();
    }

    public Builder builder() {
        return new Builder();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Builds one token; every claim has a Keycloak-like default. */
    public final class Builder {

        private String subject = UUID.randomUUID().toString();
        private List<String> roles = List.of();
        private String email;
        private String username;
        private String name;
        private String issuer = server.issuer();
        private List<String> audience = List.of(AUDIENCE);
        private Instant issuedAt;
        private Instant expiresAt;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Realm roles without the {@code ROLE_} prefix, e.g. {@code "CUSTOMER"}. */
        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The {@code preferred_username} claim; defaults to the subject. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Adds or overrides any claim (a {@code null} value removes it). */
        public Builder claim(String claim, Object value) {
            extraClaims.put(claim, value);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** An instant in the past makes an expired token. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signed with the key published at {@link #jwksUri()}. */
        public String sign() {
            return sign(key);
        }

        /** Signed with a different RSA key that claims the same {@code kid}: must fail verification. */
        public String signWithForeignKey() {
            return sign(foreignKey);
        }

        /** An unsecured JWT ({@code alg: none}): {@code base64url(header).base64url(claims).} */
        public String unsigned() {
            return new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claims()).serialize();
        }

        private String sign(RSAKey signingKey) {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).type(JOSEObjectType.JWT)
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Could not sign test JWT", ex);
            }
            return jwt.serialize();
        }

        private JWTClaimsSet claims() {
            Instant now = Instant.now();
            Instant expiry = expiresAt != null ? expiresAt : now.plus(DEFAULT_LIFETIME);
            Instant issued = issuedAt != null ? issuedAt
                    : expiry.isBefore(now) ? expiry.minus(DEFAULT_LIFETIME) : now;
            String user = username != null ? username : subject;
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .jwtID(UUID.randomUUID().toString())
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(issued))
                    .expirationTime(Date.from(expiry))
                    .claim("typ", "Bearer")
                    .claim("azp", AUTHORIZED_PARTY)
                    .claim("scope", "openid profile email")
                    .claim("realm_access", Map.of("roles", roles))
                    .claim("preferred_username", user)
                    .claim("email", email != null ? email : user + "@haat.test")
                    .claim("email_verified", true)
                    .claim("name", name != null ? name : user);
            extraClaims.forEach(claims::claim);
            return claims.build();
        }

    }

}
