package io.haat.notification.chat;

import jakarta.validation.constraints.NotBlank;

/** A message to a chat, over HTTP or STOMP ({@code /app/chats/{id}/send}). */
public record SendMessageRequest(@NotBlank String message) {
}
