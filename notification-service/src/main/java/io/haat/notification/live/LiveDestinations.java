package io.haat.notification.live;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The STOMP destinations of {@code /ws} and who may use them. Clients subscribe only to their own queues
 * ({@code /user/queue/**}, which the broker resolves to this session), to the topic of a conversation they take
 * part in ({@code /topic/chats.{chatId}}) and, for admins, to the admin streams ({@code /topic/admin.**}); they
 * send only to application destinations ({@code /app/**}), whose handlers check membership themselves. Everything
 * else (another user's queue, a broker destination, a path with {@code ..}) is refused.
 */
public final class LiveDestinations {

    /** Where errors of the user's own {@code SEND}s go: subscribe to {@code /user/queue/errors}. */
    public static final String USER_ERRORS = "/queue/errors";
    /** The live admin alert stream. */
    public static final String ADMIN_ALERTS = "/topic/admin.alerts";

    private static final String CHAT_TOPIC_PREFIX = "/topic/chats.";
    private static final Pattern CHAT_TOPIC = Pattern.compile("/topic/chats\\.([A-Za-z0-9-]{1,64})");
    private static final Pattern OWN_QUEUE = Pattern.compile("/user/queue/[A-Za-z0-9._-]{1,64}");
    private static final Pattern ADMIN_TOPIC = Pattern.compile("/topic/admin\\.[A-Za-z0-9._-]{1,64}");
    private static final Pattern APPLICATION = Pattern.compile("/app/[A-Za-z0-9._/-]{1,200}");

    private LiveDestinations() {
    }

    /** The topic every participant of a conversation may subscribe to. */
    public static String chatTopic(String chatId) {
        return CHAT_TOPIC_PREFIX + chatId;
    }

    /** What a subscription to {@code destination} needs. */
    public static Subscription subscription(String destination) {
        if (destination == null || destination.contains("..")) {
            return new Subscription.Refused();
        }
        if (OWN_QUEUE.matcher(destination).matches()) {
            return new Subscription.OwnQueue();
        }
        Matcher chat = CHAT_TOPIC.matcher(destination);
        if (chat.matches()) {
            return new Subscription.Conversation(chat.group(1));
        }
        if (ADMIN_TOPIC.matcher(destination).matches()) {
            return new Subscription.AdminStream();
        }
        return new Subscription.Refused();
    }

    /** Whether a client may {@code SEND} to {@code destination}: application destinations only. */
    public static boolean sendable(String destination) {
        return destination != null && !destination.contains("..") && APPLICATION.matcher(destination).matches();
    }

    /** The chat id of a {@code /topic/chats.{id}} destination. */
    public static Optional<String> chatOf(String destination) {
        return subscription(destination) instanceof Subscription.Conversation c ? Optional.of(c.chatId())
                : Optional.empty();
    }

    /** What a subscription requires of the subscriber. */
    public sealed interface Subscription {
        /** {@code /user/queue/**}: resolved by the broker to the subscriber's own session. */
        record OwnQueue() implements Subscription { }

        /** {@code /topic/chats.{id}}: the subscriber must take part in the conversation. */
        record Conversation(String chatId) implements Subscription { }

        /** {@code /topic/admin.*}: admins only. */
        record AdminStream() implements Subscription { }

        /** Anything else. */
        record Refused() implements Subscription { }
    }
}
