package io.haat.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.haat.platform.web.UnauthorizedException;

/**
 * The caller of the current request, read from its validated JWT. A singleton bean: every call reads the
 * security context of the calling thread. Methods that need a caller throw {@link UnauthorizedException}
 * (answered 401) when there is none.
 */
public class CurrentUser {

    /** Whether the current thread carries an authenticated JWT. */
    public boolean isAuthenticated() {
        return token().isPresent();
    }

    /** The token's {@code sub}: the Keycloak user id. */
    public String subject() {
        return requireToken().getName();
    }

    /** The user id ({@code sub}) as a UUID, which is what Keycloak issues. */
    public UUID id() {
        String subject = subject();
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Token subject is not a UUID", e);
        }
    }

    public Optional<String> email() {
        return claim("email");
    }

    public Optional<String> username() {
        return claim("preferred_username");
    }

    /** Realm roles without the {@code ROLE_} prefix, e.g. {@code CUSTOMER}. */
    public Set<String> roles() {
        return token().map(t -> t.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a != null && a.startsWith(KeycloakRealmRolesConverter.ROLE_PREFIX))
                        .map(a -> a.substring(KeycloakRealmRolesConverter.ROLE_PREFIX.length()))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    public boolean hasRole(String role) {
        String bare = role.startsWith(KeycloakRealmRolesConverter.ROLE_PREFIX)
                ? role.substring(KeycloakRealmRolesConverter.ROLE_PREFIX.length()) : role;
        return roles().contains(bare);
    }

    /** The raw access token, to relay it to another service. */
    public Optional<String> bearerToken() {
        return jwt().map(Jwt::getTokenValue);
    }

    public Optional<Jwt> jwt() {
        return token().map(JwtAuthenticationToken::getToken);
    }

    public Optional<String> claim(String name) {
        return jwt().map(j -> j.getClaims().get(name)).map(Object::toString);
    }

    private JwtAuthenticationToken requireToken() {
        return token().orElseThrow(() -> new UnauthorizedException("Authentication is required."));
    }

    private static Optional<JwtAuthenticationToken> token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
                ? Optional.of(jwt) : Optional.empty();
    }
}
