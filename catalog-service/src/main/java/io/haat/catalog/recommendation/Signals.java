package io.haat.catalog.recommendation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the {@link Recommender} learns from behaviour: co-purchases and co-views per product pair, popularity, and
 * one customer's history. {@link InteractionStore} keeps them in MongoDB; the offline evaluation keeps them in memory,
 * both following {@link CoOccurrence}'s rules.
 */
public interface Signals {

    /** Products bought in the same order as {@code productId}, with how many orders had both; most first. */
    Map<String, Long> boughtWith(String productId, int limit);

    /** Products the same signed-in customers viewed within a session of viewing {@code productId}; most first. */
    Map<String, Long> viewedWith(String productId, int limit);

    /** The most popular products ({@link CoOccurrence#popularity}), most first. */
    List<String> popular(int limit);

    /** The most popular products of these categories, most first. */
    List<String> popularIn(Collection<String> categoryIds, int limit);

    /** What one customer viewed and bought, most recent first. */
    History history(String customerId);

    /** A customer's past behaviour: distinct product ids, most recent first. */
    record History(List<String> viewed, List<String> purchased) {

        public static final History NONE = new History(List.of(), List.of());

        public History {
            viewed = List.copyOf(viewed);
            purchased = List.copyOf(purchased);
        }

        public boolean isEmpty() {
            return viewed.isEmpty() && purchased.isEmpty();
        }
    }
}
