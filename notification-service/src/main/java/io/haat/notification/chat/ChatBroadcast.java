package io.haat.notification.chat;

import io.haat.notification.live.LiveDestinations;
import io.haat.notification.stream.LiveEvent;
import io.haat.notification.stream.LiveUpdates;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes what happens in a chat live: to the chat's topic {@code /topic/chats.{id}} (participants with the chat
 * open) and, through {@link LiveUpdates}, to each participant's own stream ({@code /user/queue/updates} and SSE
 * {@code /stream}). The same event (same id) goes both ways, so a client on both can drop the duplicate.
 */
@Component
class ChatBroadcast {

    static final String MESSAGE = "chat.message";
    static final String READ = "chat.read";

    private final SimpMessagingTemplate stomp;
    private final LiveUpdates live;
    private final Clock clock;

    ChatBroadcast(SimpMessagingTemplate stomp, LiveUpdates live, Clock clock) {
        this.stomp = stomp;
        this.live = live;
        this.clock = clock;
    }

    void message(Chat chat, String storeSellerUserId, MessageResponse message) {
        send(chat, storeSellerUserId, message.senderId(), MESSAGE, message);
    }

    void read(Chat chat, String storeSellerUserId, ReadReceipt receipt) {
        send(chat, storeSellerUserId, receipt.readerId(), READ, receipt);
    }

    private void send(Chat chat, String storeSellerUserId, String actorId, String type, Object data) {
        LiveEvent event = new LiveEvent(live.nextId(), type, data, clock.instant());
        stomp.convertAndSend(LiveDestinations.chatTopic(chat.id()), event);
        Set<String> users = new LinkedHashSet<>();
        users.add(chat.customerId());
        if (storeSellerUserId != null) {
            users.add(storeSellerUserId);
        }
        users.add(actorId); // a support agent's other devices
        users.forEach(user -> live.publish(user, event));
    }
}
