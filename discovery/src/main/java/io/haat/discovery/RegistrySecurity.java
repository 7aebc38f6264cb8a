package io.haat.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only clients that know the registry's credentials ({@code HAAT_EUREKA_USERNAME} / {@code HAAT_EUREKA_PASSWORD},
 * Spring Security's one in-memory user) may register, renew, fetch or read the dashboard: otherwise anyone able to
 * reach port 8761 could register a fake {@code IDENTITY-SERVICE} and receive its passwords and tokens. HTTP basic,
 * stateless, no CSRF (the registry's REST API has no browser session). The probes and Prometheus stay anonymous:
 * Kubernetes and the scraper call them, and they reveal no instance.
 *
 * <p>The password is a machine secret every client sends on every heartbeat and fetch (several a second), not a
 * person's password kept in a database: it is compared in constant time, not through a deliberately slow hash. Boot's
 * default user would do that: its {@code {noop}} password is "upgraded" to BCrypt on the first sign-in, and from then
 * on every request paid a BCrypt check (the registry spent a quarter of a core on it under the checkout benchmark).
 */
@Configuration(proxyBeanMethods = false)
class RegistrySecurity {

    @Bean
    SecurityFilterChain registry(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The one client account, from {@code spring.security.user}; no password upgrade (not a UserDetailsPasswordService). */
    @Bean
    UserDetailsService registryClient(SecurityProperties properties) {
        SecurityProperties.User client = properties.getUser();
        UserDetails user = User.withUsername(client.getName()).password(client.getPassword())
                .roles(client.getRoles().toArray(String[]::new)).build();
        return username -> {
            if (!username.equals(user.getUsername())) {
                throw new UsernameNotFoundException("not the registry's client");
            }
            return User.withUserDetails(user).build(); // a copy: the provider erases the credentials of what it gets
        };
    }

    @Bean
    PasswordEncoder constantTimeComparison() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String stored) {
                return raw != null && stored != null && MessageDigest.isEqual(
                        raw.toString().getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
