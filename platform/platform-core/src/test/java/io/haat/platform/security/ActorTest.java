package io.haat.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class ActorTest {

    private final CurrentUser user = new CurrentUser();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theMostPowerfulRoleNamesTheCaller() {
        signIn("u1", "ROLE_CUSTOMER", "ROLE_SELLER", "ROLE_ADMIN");
        assertThat(Actor.current(user)).isEqualTo(new Actor("u1", "ADMIN"));
        assertThat(Actor.current(user).isAdmin()).isTrue();

        signIn("u2", "ROLE_CUSTOMER", "ROLE_SELLER");
        assertThat(Actor.current(user)).isEqualTo(new Actor("u2", "SELLER"));

        signIn("u3", "ROLE_SUPPORT", "ROLE_CUSTOMER");
        assertThat(Actor.current(user)).isEqualTo(new Actor("u3", "CUSTOMER"));

        signIn("u4");
        assertThat(Actor.current(user)).isEqualTo(new Actor("u4", "USER"));
        assertThat(Actor.current(user).isAdmin()).isFalse();
    }

    @Test
    void theServiceItselfIsTheSystemActor() {
        assertThat(Actor.system("seller-service")).isEqualTo(new Actor("seller-service", Actor.SYSTEM));
    }

    private static void signIn(String subject, String... authorities) {
        Jwt jwt = new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "none"),
                Map.of("sub", subject));
        List<SimpleGrantedAuthority> granted = Arrays.stream(authorities).map(SimpleGrantedAuthority::new)
                .toList();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, granted, subject));
    }
}
