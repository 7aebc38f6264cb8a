package io.haat.notification.live;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over WebSocket at {@code /ws} for live order, delivery and chat updates. The HTTP handshake is open
 * to anonymous upgrades (browsers cannot send headers on it); {@link StompAuthenticationInterceptor} authenticates
 * every session and {@link StompDestinationGuard} decides what it may subscribe and send to (see
 * {@link LiveDestinations}).
 */
@Configuration
@EnableWebSocketMessageBroker
class LiveUpdatesWebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAuthenticationInterceptor authentication;
    private final StompDestinationGuard destinations;
    private final List<String> allowedOriginPatterns;

    LiveUpdatesWebSocketConfiguration(StompAuthenticationInterceptor authentication,
                                      StompDestinationGuard destinations,
                                      @Value("${haat.live.allowed-origin-patterns:http://localhost:*}")
                                      List<String> allowedOriginPatterns) {
        this.authentication = authentication;
        this.destinations = destinations;
        this.allowedOriginPatterns = allowedOriginPatterns;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOriginPatterns(allowedOriginPatterns.toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication, destinations); // in this order: who, then where
    }
}
