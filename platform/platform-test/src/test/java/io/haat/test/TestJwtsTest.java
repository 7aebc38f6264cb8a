package io.haat.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

@ExtendWith(HaatInfrastructureExtension.class)
class TestJwtsTest {

    private final TestJwts jwts = HaatInfrastructure.get().jwt();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void issuerAndJwksLookLikeKeycloak() throws Exception {
        assertThat(jwts.issuer()).matches("http://127\\.0\\.0\\.1:\\d+/realms/haat");
        assertThat(jwts.jwksUri()).isEqualTo(jwts.issuer() + "/protocol/openid-connect/certs");
        assertThat(jwts.audience()).isEqualTo("haat-api");

        HttpResponse<String> jwks = get(jwts.jwksUri());

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Content-Type")).hasValue("application/json");
        JWKSet set = JWKSet.parse(jwks.body());
        assertThat(set.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isEqualTo(TestJwts.KEY_ID);
            assertThat(key.isPrivate()).as("only the public key is published").isFalse();
            assertThat(key.toRSAKey().toRSAPublicKey()).isEqualTo(jwts.publicKey().toRSAPublicKey());
        });
    }

    @Test
    void discoveryDocumentPointsAtTheJwks() throws Exception {
        HttpResponse<String> response = get(jwts.issuer() + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> document = JSONObjectUtils.parse(response.body());
        assertThat(document).containsEntry("issuer", jwts.issuer()).containsEntry("jwks_uri", jwts.jwksUri());
        assertThat(get(jwts.issuer() + "/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void signedTokenVerifiesWithSpringDecoder() {
        String token = jwts.token("user-1", "CUSTOMER", "SELLER");

        Jwt jwt = decoder().decode(token);

        assertThat(jwt.getSubject()).isEqualTo("user-1");
        assertThat(jwt.getIssuer()).hasToString(jwts.issuer());
        assertThat(jwt.getAudience()).containsExactly("haat-api");
        assertThat(jwt.getClaimAsMap("realm_access")).containsEntry("roles", List.of("CUSTOMER", "SELLER"));
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("haat-web");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("user-1");
        assertThat(jwt.getClaimAsString("email")).isEqualTo("user-1@haat.test");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getHeaders()).containsEntry("kid", TestJwts.KEY_ID).containsEntry("typ", "JWT")
                .containsEntry("alg", "RS256");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void issuerDiscoveryDecoderAcceptsTokens() {
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(jwts.issuer());

        assertThat(decoder.decode(jwts.token("user-2", "ADMIN")).getSubject()).isEqualTo("user-2");
    }

    @Test
    void builderSetsEveryClaim() {
        String token = jwts.builder().subject("seller-9").roles("SELLER").email("s9@shop.test").username("s9")
                .name("Shop Nine").claim("store_id", "st-1").claim("scope", null).sign();

        Jwt jwt = decoder().decode(token);

        assertThat(jwt.getClaims()).containsEntry("email", "s9@shop.test").containsEntry("preferred_username", "s9")
                .containsEntry("name", "Shop Nine").containsEntry("store_id", "st-1").doesNotContainKey("scope");
    }

    @Test
    void tokenSignedWithForeignKeyIsRejected() {
        String token = jwts.builder().subject("mallory").roles("ADMIN").signWithForeignKey();

        assertThat(header(token)).contains("\"kid\":\"" + TestJwts.KEY_ID + "\"");
        assertThatThrownBy(() -> decoder().decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void unsignedTokenIsRejected() {
        String token = jwts.builder().subject("mallory").roles("ADMIN").unsigned();

        assertThat(token).endsWith(".").satisfies(t -> assertThat(t.split("\\.")).hasSize(2));
        assertThat(header(token)).contains("\"alg\":\"none\"");
        assertThatThrownBy(() -> decoder().decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void expiredTokenIsRejectedByTimestampValidator() {
        String token = jwts.builder().subject("late").expiresAt(Instant.now().minus(Duration.ofMinutes(10))).sign();
        NimbusJwtDecoder decoder = decoder();
        decoder.setJwtValidator(new JwtTimestampValidator());

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void wrongIssuerAndAudienceAreDetectable() {
        NimbusJwtDecoder decoder = decoder();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(jwts.issuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud.contains(jwts.audience()))));

        assertThat(decoder.decode(jwts.token("ok")).getSubject()).isEqualTo("ok");
        String otherIssuer = jwts.builder().issuer("http://127.0.0.1:1/realms/other").sign();
        String otherAudience = jwts.builder().audience("someone-else").sign();
        assertThatThrownBy(() -> decoder.decode(otherIssuer)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(otherAudience)).isInstanceOf(JwtValidationException.class);
    }

    private NimbusJwtDecoder decoder() {
        return NimbusJwtDecoder.withJwkSetUri(jwts.jwksUri()).build();
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
    }

}
