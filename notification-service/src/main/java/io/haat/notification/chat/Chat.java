package io.haat.notification.chat;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A conversation between a customer and a store (its seller answers) or the support team (users with the SUPPORT
 * or ADMIN role answer). One per customer and store (or support): {@code key} is unique.
 * <p>
 * Read receipts are counters per side: {@code sent.customer} messages the customer sent, {@code read.agent} how many
 * of them the other side has read; a message is read when its {@code seq} is at most the other side's {@code read}.
 * {@code waitingSince.<side>} is when that side's oldest unread message arrived, {@code remindedAt.<side>} when it
 * was reminded of it by email.
 *
 * @param storeId null for a support chat
 */
@Document("chats")
@CompoundIndex(name = "customer_recent", def = "{'customerId': 1, 'lastMessageAt': -1}")
@CompoundIndex(name = "store_recent", def = "{'storeId': 1, 'lastMessageAt': -1}")
public record Chat(@Id String id, @Indexed(unique = true) String key, ChatKind kind, String customerId,
                   String storeId, String storeName, Instant createdAt, Instant lastMessageAt, String lastMessage,
                   Counts sent, Counts read, Moments waitingSince, Moments remindedAt) {

    static String keyOf(ChatKind kind, String customerId, String storeId) {
        return kind == ChatKind.STORE ? "STORE:" + storeId + ":" + customerId : "SUPPORT:" + customerId;
    }

    /**
     * The side the caller takes in this chat, if any: the customer who opened it, or whoever answers it — the
     * store's seller ({@code storeSellerUserId}) or, for support, a support agent or admin.
     */
    public Optional<ChatSide> sideOf(Caller caller, String storeSellerUserId) {
        if (caller.userId().equals(customerId)) {
            return Optional.of(ChatSide.CUSTOMER);
        }
        boolean answers = kind == ChatKind.SUPPORT ? caller.answersSupport()
                : caller.userId().equals(storeSellerUserId);
        return answers ? Optional.of(ChatSide.AGENT) : Optional.empty();
    }

    /** Messages of the other side that {@code side} has not read. */
    public long unreadFor(ChatSide side) {
        return Math.max(0, counts(sent).of(side.other()) - counts(read).of(side));
    }

    /** Whether the other side has read the {@code seq}-th message sent by {@code from}. */
    public boolean readByOtherSide(ChatSide from, long seq) {
        return seq <= counts(read).of(from.other());
    }

    private static Counts counts(Counts counts) {
        return counts == null ? Counts.NONE : counts;
    }

    /** A number per side. */
    public record Counts(long customer, long agent) {
        static final Counts NONE = new Counts(0, 0);

        long of(ChatSide side) {
            return side == ChatSide.CUSTOMER ? customer : agent;
        }
    }

    /** A moment per side; absent when none. */
    public record Moments(Instant customer, Instant agent) {
    }
}
