package io.haat.catalog.recommendation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recommendation rules, without Spring or MongoDB (the endpoints and the offline evaluation run this same code):
 * <ul>
 *   <li><b>bought together</b>: the products most often in the same order, by count;</li>
 *   <li><b>similar</b>: content (same category, brand, attributes, words of the name, look-alike images) blended
 *       with co-views;</li>
 *   <li><b>for a customer</b>: what goes with what they bought (co-purchases), what others viewed with what they
 *       viewed (co-views), what they viewed or wished for, and the popular products of the categories and brands
 *       they care about; never what they already bought; topped up with the most popular products (cold start).</li>
 * </ul>
 * Only public products are ever returned ({@link Catalog#publicItems}).
 */
public final class Recommender {

    /** Candidates read per signal. */
    static final int CANDIDATES = 50;
    private static final int RECENT_PURCHASES = 10;
    private static final int RECENT_VIEWS = 20;
    private static final int TASTE_CATEGORIES = 3;

    private final Signals signals;
    private final Catalog catalog;

    public Recommender(Signals signals, Catalog catalog) {
        this.signals = signals;
        this.catalog = catalog;
    }

    /** Why a product is recommended. */
    public enum Reason {
        BOUGHT_TOGETHER("bought-together"),
        ALSO_VIEWED("also-viewed"),
        SIMILAR("similar"),
        LOOKS_SIMILAR("looks-similar"),
        RECENTLY_VIEWED("recently-viewed"),
        WISHLIST("wishlist"),
        POPULAR_IN_CATEGORY("popular-in-category"),
        POPULAR("popular");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        boolean generic() {
            return this == POPULAR_IN_CATEGORY || this == POPULAR;
        }
    }

    /** A recommended product, its score (only comparable within one answer) and the main reason. */
    public record Recommendation(String productId, double score, Reason reason) {
    }

    public List<Recommendation> boughtTogether(String productId, int limit) {
        Map<String, Long> counts = signals.boughtWith(productId, CANDIDATES);
        Map<String, Catalog.Item> visible = catalog.publicItems(counts.keySet());
        return counts.entrySet().stream()
                .filter(e -> !e.getKey().equals(productId) && visible.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new Recommendation(e.getKey(), e.getValue(), Reason.BOUGHT_TOGETHER))
                .toList();
    }

    public List<Recommendation> similar(String productId, int limit) {
        Catalog.Item target = catalog.publicItems(List.of(productId)).get(productId);
        if (target == null) {
            return List.of();
        }
        Map<String, Long> coViews = signals.viewedWith(productId, CANDIDATES);
        Map<String, Double> lookAlikes = catalog.lookAlikes(productId, CANDIDATES / 2);
        Map<String, Catalog.Item> candidates = new LinkedHashMap<>();
        catalog.inCategory(target.categoryId(), 2 * CANDIDATES).forEach(item -> candidates.put(item.id(), item));
        Set<String> more = new LinkedHashSet<>(coViews.keySet());
        more.addAll(lookAlikes.keySet());
        more.removeAll(candidates.keySet());
        candidates.putAll(catalog.publicItems(more));
        candidates.remove(productId);

        double maxCoViews = coViews.values().stream().mapToLong(Long::longValue).max().orElse(1);
        Scores scores = new Scores();
        for (Catalog.Item item : candidates.values()) {
            double category = Objects.equals(item.categoryId(), target.categoryId()) ? 0.30 : 0;
            double brand = item.brand() != null && item.brand().equalsIgnoreCase(String.valueOf(target.brand()))
                    ? 0.10 : 0;
            double attributes = 0.10 * jaccard(item.attributes().entrySet(), target.attributes().entrySet());
            double words = 0.15 * jaccard(item.words(), target.words());
            double looks = 0.20 * Math.max(0, lookAlikes.getOrDefault(item.id(), 0.0));
            double viewed = 0.30 * coViews.getOrDefault(item.id(), 0L) / maxCoViews;
            Reason reason = viewed >= Math.max(looks, category + brand + attributes + words) ? Reason.ALSO_VIEWED
                    : looks > category + brand + attributes + words ? Reason.LOOKS_SIMILAR : Reason.SIMILAR;
            scores.add(item.id(), category + brand + attributes + words + looks + viewed, reason);
        }
        return scores.top(limit, Set.of());
    }

    /**
     * For a customer with this history and wishlist (product ids, possibly empty). Never a product they bought;
     * without any history, the most popular products.
     */
    public List<Recommendation> forCustomer(Signals.History history, List<String> wishlist, int limit) {
        Set<String> bought = new HashSet<>(history.purchased());
        Scores scores = new Scores();
        List<String> purchased = history.purchased().stream().limit(RECENT_PURCHASES).toList();
        for (int i = 0; i < purchased.size(); i++) {
            addNormalised(scores, signals.boughtWith(purchased.get(i), CANDIDATES), 1.0 * Math.pow(0.8, i),
                    Reason.BOUGHT_TOGETHER);
        }
        List<String> viewed = history.viewed().stream().limit(RECENT_VIEWS).toList();
        for (int i = 0; i < viewed.size(); i++) {
            double weight = Math.pow(0.85, i);
            addNormalised(scores, signals.viewedWith(viewed.get(i), CANDIDATES), 0.8 * weight, Reason.ALSO_VIEWED);
            scores.add(viewed.get(i), 1.0 * weight, Reason.RECENTLY_VIEWED);
        }
        for (String wished : wishlist) {
            scores.add(wished, 1.0, Reason.WISHLIST);
            addNormalised(scores, signals.boughtWith(wished, CANDIDATES), 1.0, Reason.BOUGHT_TOGETHER);
        }

        // taste: the categories and brands of what they looked at and bought (purchases count more)
        Set<String> known = new LinkedHashSet<>(purchased);
        known.addAll(viewed);
        known.addAll(wishlist);
        Map<String, Catalog.Item> seen = catalog.publicItems(known);
        Map<String, Double> categories = new HashMap<>();
        Map<String, Double> brands = new HashMap<>();
        for (Catalog.Item item : seen.values()) {
            double weight = bought.contains(item.id()) ? 2.0 : 1.0;
            categories.merge(item.categoryId(), weight, Double::sum);
            if (item.brand() != null) {
                brands.merge(item.brand().toLowerCase(java.util.Locale.ROOT), weight, Double::sum);
            }
        }
        double tasteTotal = categories.values().stream().mapToDouble(Double::doubleValue).sum();
        categories.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(TASTE_CATEGORIES).forEach(category -> {
                    List<String> popular = signals.popularIn(List.of(category.getKey()), CANDIDATES);
                    double share = category.getValue() / tasteTotal;
                    for (int rank = 0; rank < popular.size(); rank++) {
                        scores.add(popular.get(rank), 2.5 * share * (1 - rank / (double) popular.size()),
                                Reason.POPULAR_IN_CATEGORY);
                    }
                });

        Map<String, Catalog.Item> candidates = catalog.publicItems(scores.ids());
        Scores visible = new Scores();
        for (String id : scores.ids()) {
            Catalog.Item item = candidates.get(id);
            if (item == null || bought.contains(id)) {
                continue;
            }
            double brandShare = item.brand() == null || tasteTotal == 0 ? 0
                    : brands.getOrDefault(item.brand().toLowerCase(java.util.Locale.ROOT), 0.0) / tasteTotal;
            visible.add(id, scores.score(id) * (1 + 2.0 * brandShare), scores.reason(id));
        }
        List<Recommendation> result = new ArrayList<>(visible.top(limit, bought));
        if (result.size() < limit) {
            topUpWithPopular(result, limit, bought);
        }
        return result;
    }

    private void topUpWithPopular(List<Recommendation> result, int limit, Set<String> bought) {
        Set<String> taken = result.stream().map(Recommendation::productId).collect(Collectors.toSet());
        List<String> popular = signals.popular(limit + bought.size() + taken.size() + CANDIDATES).stream()
                .filter(id -> !bought.contains(id) && !taken.contains(id)).toList();
        Map<String, Catalog.Item> visible = catalog.publicItems(popular);
        for (String id : popular) {
            if (result.size() >= limit) {
                return;
            }
            if (visible.containsKey(id)) {
                result.add(new Recommendation(id, 0, Reason.POPULAR));
            }
        }
    }

    private static void addNormalised(Scores scores, Map<String, Long> counts, double weight, Reason reason) {
        double max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        counts.forEach((id, count) -> scores.add(id, weight * count / max, reason));
    }

    private static <T> double jaccard(Collection<T> a, Collection<T> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<T> union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return common / (double) union.size();
    }

    /** Scores summed per product; the reason is the one that contributed most. */
    private static final class Scores {
        private final Map<String, Double> total = new LinkedHashMap<>();
        private final Map<String, Map<Reason, Double>> byReason = new HashMap<>();

        void add(String id, double score, Reason reason) {
            if (score <= 0) {
                return;
            }
            total.merge(id, score, Double::sum);
            byReason.computeIfAbsent(id, k -> new java.util.EnumMap<>(Reason.class)).merge(reason, score, Double::sum);
        }

        Set<String> ids() {
            return total.keySet();
        }

        double score(String id) {
            return total.getOrDefault(id, 0.0);
        }

        // a reason about the customer or the product (bought with, viewed with, wished for) explains more than
        // "popular in the category", so it is named whenever there is one
        Reason reason(String id) {
            Map<Reason, Double> reasons = byReason.get(id);
            return reasons.entrySet().stream()
                    .max(Comparator.comparing((Map.Entry<Reason, Double> e) -> !e.getKey().generic())
                            .thenComparing(Map.Entry::getValue))
                    .orElseThrow().getKey();
        }

        List<Recommendation> top(int limit, Set<String> excluded) {
            return total.entrySet().stream()
                    .filter(e -> !excluded.contains(e.getKey()))
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry::getKey))
                    .limit(limit)
                    .map(e -> new Recommendation(e.getKey(), e.getValue(), reason(e.getKey())))
                    .toList();
        }
    }
}
