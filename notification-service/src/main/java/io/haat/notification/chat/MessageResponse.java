package io.haat.notification.chat;

import java.time.Instant;

/** A chat message; {@code read} says whether the other side has read it (the sender's read receipt). */
public record MessageResponse(String id, String chatId, String senderId, ChatSide side, String body, Instant sentAt,
                              boolean read) {

    static MessageResponse of(ChatMessage message, Chat chat) {
        return new MessageResponse(message.id(), message.chatId(), message.senderId(), message.side(), message.body(),
                message.sentAt(), chat.readByOtherSide(message.side(), message.seq()));
    }
}
