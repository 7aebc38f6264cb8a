package io.haat.notification.live;

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
import org.springframework.stereotype.Component;

/**
 * Authenticates a STOMP session at {@code CONNECT} from its {@code Authorization: Bearer} header with the same
 * decoder (signature, issuer, audience, expiry) and role mapping as the service's HTTP endpoints; later frames of
 * the session carry that user, and a session without a valid token is refused.
 */
@Component
class StompAuthenticationInterceptor implements ChannelInterceptor {

    private final JwtDecoder jwtDecoder;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter;

    StompAuthenticationInterceptor(JwtDecoder jwtDecoder,
                                   Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter) {
        this.jwtDecoder = jwtDecoder;
        this.authenticationConverter = authenticationConverter;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() != StompCommand.CONNECT) {
            return message;
        }
        String authorization = accessor.getFirstNativeHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MessageDeliveryException("a bearer token is required to connect");
        }
        try {
            Jwt jwt = jwtDecoder.decode(authorization.substring(7).trim());
            accessor.setUser(authenticationConverter.convert(jwt));
        } catch (JwtException e) {
            throw new MessageDeliveryException("the bearer token is not valid");
        }
        return message;
    }
}
