package io.haat.notification.chat;

import io.haat.platform.security.KeycloakRealmRolesConverter;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;

/** The signed-in user acting on a chat, over HTTP or STOMP: their id ({@code sub}) and realm roles. */
public record Caller(String userId, Set<String> roles) {

    public static Caller of(Principal principal) {
        Set<String> roles = principal instanceof Authentication authentication
                ? authentication.getAuthorities().stream().map(a -> a.getAuthority())
                        .filter(a -> a != null && a.startsWith(KeycloakRealmRolesConverter.ROLE_PREFIX))
                        .map(a -> a.substring(KeycloakRealmRolesConverter.ROLE_PREFIX.length()))
                        .collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new Caller(principal.getName(), roles);
    }

    /** Support agents and admins answer support chats. */
    public boolean answersSupport() {
        return roles.contains("SUPPORT") || roles.contains("ADMIN");
    }
}
