package io.haat.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.haat.platform.web.ProblemDetailsAutoConfiguration;
import io.haat.platform.web.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;

/**
 * Every servlet service is an OAuth2 resource server: stateless, JWT (issuer, audience and signature checked
 * by Boot's decoder from {@code spring.security.oauth2.resourceserver.jwt.*}), Keycloak realm roles as
 * {@code ROLE_} authorities, method security on, problem+json 401/403. A service replaces the whole chain by
 * declaring its own {@link SecurityFilterChain} bean, or just opens paths with {@code haat.security.public-paths}
 * or a {@link PublicPaths} bean, and restricts paths to roles with a {@link RolePaths} bean.
 */
@AutoConfiguration(
        after = ProblemDetailsAutoConfiguration.class,
        before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
                OAuth2ResourceServerAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtAuthenticationConverter.class})
@EnableConfigurationProperties(HaatSecurityProperties.class)
public class ResourceServerSecurityAutoConfiguration {

    /** Paths open on every service: probes, metrics scrape, API docs and the error page. */
    static final String[] PLATFORM_PUBLIC_PATHS = {
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
    public JwtAuthenticationConverter haatJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRolesConverter());
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    public CurrentUser currentUser() {
        return new CurrentUser();
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemAuthenticationEntryPoint haatAuthenticationEntryPoint(ProblemResponseWriter writer) {
        return new ProblemAuthenticationEntryPoint(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemAccessDeniedHandler haatAccessDeniedHandler(ProblemResponseWriter writer) {
        return new ProblemAccessDeniedHandler(writer);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain haatSecurityFilterChain(HttpSecurity http, HaatSecurityProperties properties,
            ObjectProvider<PublicPaths> publicPaths, ObjectProvider<RolePaths> rolePaths,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDeniedHandler) {
        List<RequestMatcher> open = new ArrayList<>(new PublicPaths(properties.publicPaths()).toMatchers());
        publicPaths.orderedStream().forEach(paths -> open.addAll(paths.toMatchers()));
        List<RolePaths.Rule> roleRules = rolePaths.orderedStream().flatMap(paths -> paths.rules().stream()).toList();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                            .requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health"))
                            .permitAll()
                            .requestMatchers(PLATFORM_PUBLIC_PATHS).permitAll();
                    // role rules before public paths: "GET /stores/mine" needs SELLER even where "GET /stores/*" is open
                    roleRules.forEach(rule -> requests.requestMatchers(rule.toMatcher())
                            .hasAnyRole(rule.roles().toArray(String[]::new)));
                    if (!open.isEmpty()) {
                        requests.requestMatchers(open.toArray(RequestMatcher[]::new)).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class MethodSecurityConfiguration {
    }
}
