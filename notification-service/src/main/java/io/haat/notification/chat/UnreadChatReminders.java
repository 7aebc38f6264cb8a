package io.haat.notification.chat;

import io.haat.notification.directory.Directory;
import io.haat.notification.notice.Notice;
import io.haat.notification.notice.NotificationType;
import io.haat.notification.notice.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds a participant by email (and feed, push, live, as their preferences say: through {@link Notifier}) when a
 * message has waited unread for {@code haat.chat.reminder-after}. Once per wait: the instance that sets
 * {@code remindedAt.<side>} (a conditional update) sends it, and the notice's id is made from the chat, side and
 * start of the wait, so a crash and retry cannot send two. Reading the chat ends the wait. Support chats' agent
 * side has no single recipient (the team works from {@code GET /chats}) and is not reminded.
 */
@Component
class UnreadChatReminders {

    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final Directory directory;
    private final Notifier notifier;
    private final ChatProperties properties;
    private final Clock clock;

    UnreadChatReminders(MongoTemplate mongo, Directory directory, Notifier notifier, ChatProperties properties,
                        Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${haat.chat.reminder-scan:PT1M}")
    void remind() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.reminderAfter());
        for (ChatSide side : ChatSide.values()) {
            String waiting = "waitingSince." + side.field();
            String reminded = "remindedAt." + side.field();
            Query due = Query.query(Criteria.where(waiting).lte(cutoff).and(reminded).exists(false)).limit(BATCH);
            for (Chat chat : mongo.find(due, Chat.class)) {
                Instant since = side == ChatSide.CUSTOMER ? chat.waitingSince().customer() : chat.waitingSince().agent();
                boolean claimed = mongo.updateFirst(Query.query(Criteria.where("_id").is(chat.id()).and(waiting)
                                .is(since).and(reminded).exists(false)), new Update().set(reminded, now), Chat.class)
                        .getModifiedCount() == 1;
                if (claimed) {
                    recipient(chat, side).ifPresent(userId -> notifier.notify(notice(chat, side, userId, since)));
                }
            }
        }
    }

    private Optional<String> recipient(Chat chat, ChatSide side) {
        if (side == ChatSide.CUSTOMER) {
            return Optional.of(chat.customerId());
        }
        return chat.kind() == ChatKind.STORE ? directory.userOfStore(chat.storeId()) : Optional.empty();
    }

    private static Notice notice(Chat chat, ChatSide side, String userId, Instant since) {
        String with = side == ChatSide.AGENT ? "a customer"
                : chat.kind() == ChatKind.SUPPORT ? "Haat support" : chat.storeName();
        long unread = chat.unreadFor(side);
        return new Notice("chat:" + chat.id() + ":" + side.field() + ":" + since.toEpochMilli(), userId,
                NotificationType.CHAT_UNREAD, "Unread messages from " + with,
                unread + " message(s) from " + with + " are waiting for you.", "/chats/" + chat.id(),
                Map.of("chatId", chat.id(), "unread", unread, "with", with, "waitingSince", since.toString()));
    }
}
