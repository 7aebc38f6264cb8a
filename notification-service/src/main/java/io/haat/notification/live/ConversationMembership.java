package io.haat.notification.live;

import java.security.Principal;

/** Whether a user takes part in a conversation; the chat feature answers it for {@code /topic/chats.{id}}. */
public interface ConversationMembership {

    boolean isParticipant(String chatId, Principal user);
}
