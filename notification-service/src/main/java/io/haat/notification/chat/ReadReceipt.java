package io.haat.notification.chat;

/** One side has read the other side's messages up to the {@code upTo}-th: live event {@code chat.read}. */
public record ReadReceipt(String chatId, ChatSide side, String readerId, long upTo) {
}
