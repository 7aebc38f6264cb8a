package io.haat.notification.assistant;

import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /assistant/messages}: open to everyone; a signed-in caller also gets answers about their orders. */
@RestController
class AssistantController {

    private final AssistantService assistant;
    private final CurrentUser currentUser;

    AssistantController(AssistantService assistant, CurrentUser currentUser) {
        this.assistant = assistant;
        this.currentUser = currentUser;
    }

    @PostMapping("/assistant/messages")
    AssistantReply ask(@Valid @RequestBody AssistantRequest request) {
        return assistant.reply(request.message(), request.conversationId(),
                currentUser.isAuthenticated() ? currentUser.subject() : null);
    }
}
