package io.haat.notification.chat;

import io.haat.notification.live.ConversationMembership;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** Answers the live channel's "may this user follow this chat?" with the chat's own participant rule. */
@Component
class ChatMembership implements ConversationMembership {

    private final ChatService chats;

    ChatMembership(ChatService chats) {
        this.chats = chats;
    }

    @Override
    public boolean isParticipant(String chatId, Principal user) {
        return chats.isParticipant(chatId, Caller.of(user));
    }
}
