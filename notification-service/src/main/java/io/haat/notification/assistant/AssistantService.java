package io.haat.notification.assistant;

import org.springframework.stereotype.Service;

/** One turn of an assistant conversation: the answer, remembered with the question. */
@Service
public class AssistantService {

    private final Assistant assistant;
    private final AssistantConversations conversations;

    AssistantService(Assistant assistant, AssistantConversations conversations) {
        this.assistant = assistant;
        this.conversations = conversations;
    }

    /** Answers {@code message}; {@code userId} is null for an anonymous visitor. */
    public AssistantReply reply(String message, String conversationId, String userId) {
        String conversation = conversations.resolve(conversationId, userId);
        Assistant.Answer answer = assistant.answer(message, userId != null);
        AssistantReply reply = new AssistantReply(answer.text(), answer.links(), conversation, answer.kind(),
                answer.faqId());
        conversations.record(conversation, userId, message, reply);
        return reply;
    }
}
