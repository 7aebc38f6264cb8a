package io.haat.notification.chat;

import java.time.Instant;

/** A chat as one participant sees it, with how many of the other side's messages they have not read. */
public record ChatResponse(String id, ChatKind kind, String storeId, String storeName, String customerId,
                           ChatSide side, Instant createdAt, Instant lastMessageAt, String lastMessage, long unread) {

    static ChatResponse of(Chat chat, ChatSide side) {
        return new ChatResponse(chat.id(), chat.kind(), chat.storeId(), chat.storeName(), chat.customerId(), side,
                chat.createdAt(), chat.lastMessageAt(), chat.lastMessage(), chat.unreadFor(side));
    }
}
