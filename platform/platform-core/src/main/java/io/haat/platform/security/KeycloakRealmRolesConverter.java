package io.haat.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Maps Keycloak realm roles ({@code realm_access.roles}) to {@code ROLE_<ROLE>} authorities, plus the usual
 * {@code SCOPE_} ones. The role {@value #SERVICE} is never taken from the realm roles: it is given only to tokens
 * whose authorised party ({@code azp}) is the {@code haat-services} client, i.e. tokens a service obtained with that
 * client's secret (client credentials), so {@code RolePaths.require("/internal/**", "SERVICE")} admits other Haat
 * services and no user, whatever roles someone managed to put on a user account.
 */
public class KeycloakRealmRolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String ROLE_PREFIX = "ROLE_";

    /** The role of service-to-service calls (see the class comment). */
    public static final String SERVICE = "SERVICE";

    /** The Keycloak client whose client-credentials tokens are service calls. */
    public static final String SERVICE_CLIENT_ID = "haat-services";

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        realmRoles(jwt).stream().filter(role -> !SERVICE.equals(role))
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role)));
        if (isServiceToken(jwt)) {
            authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + SERVICE));
        }
        return authorities;
    }

    /** Whether the token was issued to the {@code haat-services} client (its {@code azp}). */
    public static boolean isServiceToken(Jwt jwt) {
        return SERVICE_CLIENT_ID.equals(jwt.getClaimAsString("azp"));
    }

    /** The realm roles of a token, as Keycloak writes them. */
    public static List<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
