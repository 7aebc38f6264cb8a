package io.haat.notification.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of live chat ({@code haat.chat.*}).
 *
 * @param maxMessageLength   characters per message; longer → 422
 * @param messagesPerWindow  messages one user may send per {@code rateWindow}; more → 429 with Retry-After
 * @param reminderAfter      an unread message this old gets its recipient an email reminder (once per wait)
 * @param reminderScan       how often the reminder job looks
 */
@ConfigurationProperties("haat.chat")
public record ChatProperties(@DefaultValue("2000") int maxMessageLength,
                             @DefaultValue("20") int messagesPerWindow,
                             @DefaultValue("1m") Duration rateWindow,
                             @DefaultValue("15m") Duration reminderAfter,
                             @DefaultValue("1m") Duration reminderScan) {
}
