package io.haat.notification.live;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.core.convert.converter.Converter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authenticates every STOMP session, whatever its opening frame ({@code CONNECT} or STOMP 1.2's {@code STOMP}),
 * with the same decoder (signature, issuer, audience, expiry) and role mapping as the service's HTTP endpoints:
 * from the frame's {@code Authorization: Bearer} header, or else from the handshake's own bearer token (the
 * gateway promotes a browser's {@code access_token} parameter into that header, and the resource-server filter
 * chain validates it before the upgrade). Every later frame must belong to an authenticated session whose token
 * has not expired meanwhile; a frame without one is refused with an {@code ERROR} frame, which closes the session.
 */
@Component
class StompAuthenticationInterceptor implements ChannelInterceptor {

    private final JwtDecoder jwtDecoder;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter;
    private final Clock clock;

    StompAuthenticationInterceptor(JwtDecoder jwtDecoder,
                                   Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter,
                                   Clock clock) {
        this.jwtDecoder = jwtDecoder;
        this.authenticationConverter = authenticationConverter;
        this.clock = clock;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message; // heart-beats
        }
        StompCommand command = accessor.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            accessor.setUser(authenticate(accessor));
        } else if (command != StompCommand.DISCONNECT) {
            requireLiveSession(accessor.getUser());
        }
        return message;
    }

    private AbstractAuthenticationToken authenticate(StompHeaderAccessor accessor) {
        String authorization = accessor.getFirstNativeHeader("Authorization");
        if (authorization == null) {
            // no token in the frame: the handshake's, validated by the filter chain, or nothing
            return requireLiveSession(accessor.getUser());
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MessageDeliveryException("a bearer token is required to connect");
        }
        try {
            AbstractAuthenticationToken user = authenticationConverter.convert(
                    jwtDecoder.decode(authorization.substring(7).trim()));
            if (user == null) {
                throw new MessageDeliveryException("the bearer token is not valid");
            }
            return user;
        } catch (JwtException e) {
            throw new MessageDeliveryException("the bearer token is not valid");
        }
    }

    private JwtAuthenticationToken requireLiveSession(Principal user) {
        if (!(user instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            throw new MessageDeliveryException("the session is not authenticated: connect with a bearer token");
        }
        Instant expiresAt = token.getToken().getExpiresAt();
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            throw new MessageDeliveryException("the session's token has expired: connect again");
        }
        return token;
    }
}
