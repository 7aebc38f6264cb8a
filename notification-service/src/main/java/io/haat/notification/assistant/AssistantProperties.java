package io.haat.notification.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The assistant's settings ({@code haat.assistant.*}).
 *
 * @param products          products listed for a product question
 * @param orders            recent orders listed for "where is my order"
 * @param conversationTurns turns kept per conversation (for a hand-over to support)
 */
@ConfigurationProperties("haat.assistant")
public record AssistantProperties(@DefaultValue("3") int products, @DefaultValue("3") int orders,
                                  @DefaultValue("20") int conversationTurns) {
}
