package io.haat.notification.chat;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One message of a chat; {@code seq} numbers the messages of its side (1, 2, …) for read receipts. */
@Document("chat_messages")
@CompoundIndex(name = "chat_recent", def = "{'chatId': 1, 'sentAt': -1}")
public record ChatMessage(@Id String id, String chatId, ChatSide side, String senderId, String body, long seq,
                          Instant sentAt) {
}
