package io.haat.notification.chat;

import io.haat.notification.live.LiveDestinations;
import io.haat.platform.web.ProblemException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * Live chat over STOMP: {@code SEND /app/chats/{id}/send} with {@code {"message": "…"}}. The message reaches the
 * chat's topic and every participant's queue; what HTTP would refuse (not a participant → 404, too long → 422, rate
 * limit → 429) comes back as a problem on the sender's {@code /user/queue/errors}.
 */
@Controller
class ChatStompController {

    private final ChatService chats;

    ChatStompController(ChatService chats) {
        this.chats = chats;
    }

    @MessageMapping("/chats/{id}/send")
    void send(@DestinationVariable String id, @Payload SendMessageRequest request, Principal principal) {
        chats.send(Caller.of(principal), id, request == null ? null : request.message());
    }

    @MessageExceptionHandler(ProblemException.class)
    @SendToUser(destinations = LiveDestinations.USER_ERRORS, broadcast = false)
    Map<String, Object> problem(ProblemException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.putAll(problem.properties());
        return body;
    }
}
