package io.haat.notification.chat;

import jakarta.validation.constraints.NotBlank;

/** {@code {storeId, message}} for a chat with a store, or {@code {support: true, message}} for one with support. */
public record OpenChatRequest(String storeId, Boolean support, @NotBlank String message) {

    boolean withSupport() {
        return Boolean.TRUE.equals(support);
    }
}
