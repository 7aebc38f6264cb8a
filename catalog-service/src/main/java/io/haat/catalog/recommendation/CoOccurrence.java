package io.haat.catalog.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The counting rules, shared by the MongoDB store and the offline evaluation: which product pairs an order or a
 * view adds to, and how popular a product is.
 */
public final class CoOccurrence {

    /** Views of one customer this close together belong to one session and count as co-viewed. */
    public static final Duration SESSION = Duration.ofHours(1);
    /** Views (and purchases) a customer's history keeps. */
    public static final int HISTORY = 50;
    /** A purchase says more than a view. */
    public static final long PURCHASE_WEIGHT = 5;

    private CoOccurrence() {
    }

    /** An ordered pair: {@code productId} was seen with {@code otherId}. */
    public record Pair(String productId, String otherId) {
    }

    /** Every ordered pair of distinct products in one order (both directions). */
    public static List<Pair> orderPairs(Collection<String> productIds) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(productIds));
        List<Pair> pairs = new ArrayList<>();
        for (String a : distinct) {
            for (String b : distinct) {
                if (!a.equals(b)) {
                    pairs.add(new Pair(a, b));
                }
            }
        }
        return pairs;
    }

    /** A customer's earlier view. */
    public record View(String productId, Instant at) {
    }

    /**
     * The pairs a new view of {@code productId} at {@code at} adds: with each other product the customer viewed in
     * the session before it (both directions, once per product).
     */
    public static List<Pair> viewPairs(String productId, Instant at, List<View> earlier) {
        Set<String> others = new LinkedHashSet<>();
        for (View view : earlier) {
            if (!view.productId().equals(productId) && !view.at().isAfter(at)
                    && Duration.between(view.at(), at).compareTo(SESSION) <= 0) {
                others.add(view.productId());
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (String other : others) {
            pairs.add(new Pair(productId, other));
            pairs.add(new Pair(other, productId));
        }
        return pairs;
    }

    /** The popularity score of a product: views plus weighted purchases. */
    public static long popularity(long views, long purchases) {
        return views + PURCHASE_WEIGHT * purchases;
    }
}
