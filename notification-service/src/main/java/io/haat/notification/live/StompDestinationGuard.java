package io.haat.notification.live;

import io.haat.notification.live.LiveDestinations.Subscription;
import java.security.Principal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs after {@link StompAuthenticationInterceptor}: a {@code SUBSCRIBE} is allowed only to what
 * {@link LiveDestinations} grants the (authenticated) user, a {@code SEND} only to an application destination.
 * A conversation the user does not take part in is refused as "not found", as over HTTP.
 */
@Component
class StompDestinationGuard implements ChannelInterceptor {

    private final ObjectProvider<ConversationMembership> membership;

    /** The membership is looked up on use: chats publish through the broker this guard is part of. */
    StompDestinationGuard(ObjectProvider<ConversationMembership> membership) {
        this.membership = membership;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null) {
            return message;
        }
        if (accessor.getCommand() == StompCommand.SUBSCRIBE) {
            checkSubscription(accessor.getUser(), accessor.getDestination());
        } else if (accessor.getCommand() == StompCommand.SEND && !LiveDestinations.sendable(accessor.getDestination())) {
            throw new MessageDeliveryException("clients send to /app/** destinations only");
        }
        return message;
    }

    private void checkSubscription(Principal user, String destination) {
        switch (LiveDestinations.subscription(destination)) {
            case Subscription.OwnQueue own -> { }
            case Subscription.Conversation chat -> {
                if (!membership.getObject().isParticipant(chat.chatId(), user)) {
                    throw new MessageDeliveryException("chat " + chat.chatId() + " not found");
                }
            }
            case Subscription.AdminStream admin -> {
                if (!isAdmin(user)) {
                    throw new MessageDeliveryException("admin streams are for admins only");
                }
            }
            case Subscription.Refused refused ->
                    throw new MessageDeliveryException("subscriptions to " + destination + " are not allowed");
        }
    }

    private static boolean isAdmin(Principal user) {
        return user instanceof Authentication authentication && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }
}
