package io.haat.notification.live;

/** Whether a user takes part in a conversation; the chat feature answers it for {@code /topic/chats.{id}}. */
public interface ConversationMembership {

    boolean isParticipant(String chatId, String userId);
}
