package io.haat.identity.testing;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import io.haat.test.HaatInfrastructure;
import io.haat.test.TestJwts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Tests trust two issuers, each fully checked (signature by its JWKS, issuer, expiry, audience {@code haat-api}):
 * the real Keycloak, for tokens from real logins, and platform-test's issuer, for cheap tokens with any roles.
 * Production trusts Keycloak only (the platform's decoder).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder() {
        TestJwts jwts = HaatInfrastructure.get().jwt();
        TestKeycloak keycloak = TestKeycloak.get();
        Map<String, JwtDecoder> byIssuer = Map.of(
                keycloak.issuer(), decoder(keycloak.server().jwksUri(), keycloak.issuer(), jwts.audience()),
                jwts.issuer(), decoder(jwts.jwksUri(), jwts.issuer(), jwts.audience()));
        return token -> {
            String issuer;
            try {
                issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
            } catch (ParseException e) {
                throw new BadJwtException("Malformed token", e);
            }
            JwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
            if (decoder == null) {
                throw new BadJwtException("Untrusted issuer");
            }
            return decoder.decode(token);
        };
    }

    private static JwtDecoder decoder(String jwksUri, String issuer, String audience) {
        // generous timeouts: the build machine can be slow, and a JWKS fetch that times out fails the request
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(Duration.ofSeconds(5));
        requestFactory.setReadTimeout(Duration.ofSeconds(30));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri)
                .restOperations(new RestTemplate(requestFactory)).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience))));
        return decoder;
    }
}
