package io.haat.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRealmRolesConverterTest {

    private final KeycloakRealmRolesConverter converter = new KeycloakRealmRolesConverter();

    @Test
    void realmRolesBecomeRoleAuthorities() {
        assertThat(authorities(token("haat-web", "CUSTOMER", "SELLER")))
                .contains("ROLE_CUSTOMER", "ROLE_SELLER").doesNotContain("ROLE_SERVICE");
    }

    @Test
    void onlyTheServicesClientsTokensAreServiceCalls() {
        assertThat(authorities(token("haat-services"))).contains("ROLE_SERVICE");
        assertThat(authorities(token("haat-web", "SERVICE")))
                .as("a realm role named SERVICE on a user's token grants nothing").doesNotContain("ROLE_SERVICE");
        assertThat(authorities(token(null, "SERVICE"))).doesNotContain("ROLE_SERVICE");
    }

    private List<String> authorities(Jwt jwt) {
        return converter.convert(jwt).stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt token(String azp, String... roles) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1")
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (azp != null) {
            builder.claim("azp", azp);
        }
        return builder.build();
    }
}
