package io.haat.discovery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only clients that know the registry's credentials ({@code HAAT_EUREKA_USERNAME} / {@code HAAT_EUREKA_PASSWORD},
 * Spring Security's one in-memory user) may register, renew, fetch or read the dashboard: otherwise anyone able to
 * reach port 8761 could register a fake {@code IDENTITY-SERVICE} and receive its passwords and tokens. HTTP basic,
 * stateless, no CSRF (the registry's REST API has no browser session). The probes and Prometheus stay anonymous:
 * Kubernetes and the scraper call them, and they reveal no instance.
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
}
