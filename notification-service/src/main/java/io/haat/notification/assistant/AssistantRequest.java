package io.haat.notification.assistant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question to the assistant; {@code conversationId} continues an earlier exchange. */
public record AssistantRequest(@NotBlank @Size(max = 500) String message, @Size(max = 64) String conversationId) {
}
