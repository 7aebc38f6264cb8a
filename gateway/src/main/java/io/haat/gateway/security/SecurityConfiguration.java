package io.haat.gateway.security;

import io.haat.gateway.routing.RouteTable;
import io.haat.gateway.web.AccessLogFilter;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The gateway's security: every JWT is validated against Keycloak's JWKS (signature, issuer, audience
 * {@code haat-api}, expiry — configured by the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties) and relayed unchanged; the
 * {@link PublicEndpoints} pass without one; everything else needs one. Stateless: no session, no CSRF.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, CorsConfigurationSource cors) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        JwtAuthenticationConverter jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .authorizeExchange(exchanges -> {
                    PublicEndpoints.PROTECTED_EXCEPTIONS.forEach(endpoint ->
                            exchanges.pathMatchers(endpoint.method(), endpoint.pattern()).authenticated());
                    PublicEndpoints.ALL.forEach(endpoint -> (endpoint.method() == null
                            ? exchanges.pathMatchers(endpoint.pattern())
                            : exchanges.pathMatchers(endpoint.method(), endpoint.pattern())).permitAll());
                    exchanges.pathMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    // nothing is routed there: let the request fall through to a 404 problem
                    exchanges.matchers(unroutable()).permitAll();
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(jwtConverter)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAt(new ProblemCorsFilter(cors), SecurityWebFiltersOrder.CORS)
                .addFilterAfter(userIdCapture(), SecurityWebFiltersOrder.AUTHENTICATION);
        return http.build();
    }

    /** The JWT decoder remembers the tokens it validated for a minute ({@link ValidatedJwtCache}). */
    @Bean
    static BeanPostProcessor validatedJwtCache() {
        return ValidatedJwtCache.wrapper();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(properties.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", "X-Request-Id", "X-Cart-Token"));
        config.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG, HttpHeaders.LOCATION,
                HttpHeaders.WWW_AUTHENTICATE, "X-RateLimit-Remaining", "X-Cart-Token"));
        config.setAllowCredentials(true);
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    private static ServerWebExchangeMatcher unroutable() {
        return exchange -> {
            // the full raw path, as the gateway routes it (not pathWithinApplication)
            String path = exchange.getRequest().getPath().value();
            boolean servedHere = path.startsWith("/actuator") || path.startsWith("/swagger-ui")
                    || path.startsWith("/v3/api-docs") || path.startsWith("/webjars");
            return servedHere || RouteTable.resolve(path).isPresent() ? MatchResult.notMatch() : MatchResult.match();
        };
    }

    /** Records the authenticated user's id for the access log and the rate limiter. */
    private static WebFilter userIdCapture() {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .doOnNext(authentication -> exchange.getAttributes().put(AccessLogFilter.USER_ID_ATTRIBUTE,
                        ((JwtAuthenticationToken) authentication).getToken().getSubject()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
