package io.haat.catalog.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Offline evaluation of the {@link Recommender} on a generated but structured marketplace: products in categories
 * and brands with skewed popularity and complements (a phone and its case: items of a paired category, same brand
 * preferred); customers with tastes over two or three categories and two brands; sessions of views in one category,
 * most ending in a purchase, often with a complement in the same order. Each test customer's LAST purchase session
 * (its views and its order) is held out; everything before it, and all other customers' behaviour, is learnt through
 * the same {@link CoOccurrence} rules the MongoDB store applies. Reports hit-rate@10 of "for me" (is the held-out
 * product among the ten?) and of "bought together" (is the complement among the ten for the held-out product?),
 * each against the "most popular" baseline, and asserts both beat it.
 */
class RecommendationEvaluationTest {

    private static final int CATEGORIES = 12;
    private static final int BRANDS = 10;
    private static final int PER_CATEGORY = 60;
    private static final int CUSTOMERS = 1500;
    private static final int K = 10;

    record Product(String id, int category, int brand, double popularity, List<String> complements) {
    }

    record Customer(String id, double[] categoryTaste, Set<Integer> brands) {
    }

    record Session(String customerId, List<String> viewed, List<String> order, Instant start) {
    }

    @Test
    void forMeAndBoughtTogetherBeatTheMostPopularBaseline() {
        Random random = new Random(42);
        List<Product> products = products(random);
        Map<String, Product> byId = products.stream().collect(Collectors.toMap(Product::id, p -> p));
        List<Customer> customers = customers(random);
        Map<String, List<Session>> sessions = new LinkedHashMap<>();
        Instant clock = Instant.parse("2026-01-01T00:00:00Z");
        for (Customer customer : customers) {
            int count = 3 + random.nextInt(8);
            List<Session> own = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                clock = clock.plus(Duration.ofMinutes(7 + random.nextInt(200)));
                own.add(session(random, customer, products, byId, clock));
            }
            sessions.put(customer.id(), own);
        }

        // test customers: at least two sessions with a purchase; the last one is held out
        Map<String, Session> heldOut = new HashMap<>();
        for (var entry : sessions.entrySet()) {
            List<Session> bought = entry.getValue().stream().filter(s -> !s.order().isEmpty()).toList();
            if (bought.size() >= 2) {
                heldOut.put(entry.getKey(), bought.getLast());
            }
        }
        MemorySignals signals = new MemorySignals(byId);
        sessions.values().stream().flatMap(List::stream)
                .filter(s -> heldOut.get(s.customerId()) != s)
                .sorted(Comparator.comparing(Session::start))
                .forEach(signals::learn);
        Recommender recommender = new Recommender(signals, new MemoryCatalog(byId));

        int meHits = 0;
        int meBaseline = 0;
        int togetherCases = 0;
        int togetherHits = 0;
        int togetherBaseline = 0;
        for (var entry : heldOut.entrySet()) {
            Signals.History history = signals.history(entry.getKey());
            String target = entry.getValue().order().getFirst();
            List<String> mine = recommender.forCustomer(history, List.of(), K).stream()
                    .map(Recommender.Recommendation::productId).toList();
            assertThat(mine).hasSize(K).doesNotContainAnyElementsOf(history.purchased());
            if (mine.contains(target)) {
                meHits++;
            }
            List<String> popular = signals.popular(K + history.purchased().size()).stream()
                    .filter(id -> !history.purchased().contains(id)).limit(K).toList();
            if (popular.contains(target)) {
                meBaseline++;
            }
            if (entry.getValue().order().size() > 1) {
                String complement = entry.getValue().order().get(1);
                togetherCases++;
                if (recommender.boughtTogether(target, K).stream().anyMatch(r -> r.productId().equals(complement))) {
                    togetherHits++;
                }
                if (signals.popular(K + 1).stream().filter(id -> !id.equals(target)).limit(K).toList()
                        .contains(complement)) {
                    togetherBaseline++;
                }
            }
        }
        double me = meHits / (double) heldOut.size();
        double meBase = meBaseline / (double) heldOut.size();
        double together = togetherHits / (double) togetherCases;
        double togetherBase = togetherBaseline / (double) togetherCases;
        System.out.printf("[reco-eval] %d products, %d customers, %d test customers, %d bought-together cases%n"
                        + "[reco-eval] me:              hit-rate@10 %.3f   most popular %.3f%n"
                        + "[reco-eval] bought-together: hit-rate@10 %.3f   most popular %.3f%n",
                products.size(), customers.size(), heldOut.size(), togetherCases, me, meBase, together, togetherBase);
        assertThat(heldOut.size()).isGreaterThan(500);
        assertThat(me).as("me vs most popular").isGreaterThan(meBase * 2);
        assertThat(together).as("bought-together vs most popular").isGreaterThan(togetherBase * 2);
    }

    private static List<Product> products(Random random) {
        List<Product> products = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            for (int i = 0; i < PER_CATEGORY; i++) {
                // Zipf-like popularity within the category
                products.add(new Product("p" + c + "-" + i, c, random.nextInt(BRANDS), 1 / Math.pow(i + 1, 0.9),
                        new ArrayList<>()));
            }
        }
        for (Product p : products) {
            int complementCategory = (p.category() + CATEGORIES / 2) % CATEGORIES;
            List<Product> pool = products.stream().filter(q -> q.category() == complementCategory).toList();
            List<Product> sameBrand = pool.stream().filter(q -> q.brand() == p.brand()).toList();
            List<Product> from = sameBrand.size() >= 2 ? sameBrand : pool;
            while (p.complements().size() < 2) {
                String id = from.get(random.nextInt(from.size())).id();
                if (!p.complements().contains(id)) {
                    p.complements().add(id);
                }
            }
        }
        return products;
    }

    private static List<Customer> customers(Random random) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            double[] taste = new double[CATEGORIES];
            int first = random.nextInt(CATEGORIES);
            int second = random.nextInt(CATEGORIES);
            taste[first] += 0.6;
            taste[second] += 0.3;
            taste[random.nextInt(CATEGORIES)] += 0.1;
            customers.add(new Customer("c" + i, taste, new HashSet<>(List.of(random.nextInt(BRANDS), random.nextInt(BRANDS)))));
        }
        return customers;
    }

    private static Session session(Random random, Customer customer, List<Product> products,
                                   Map<String, Product> byId, Instant start) {
        int category = pick(random, customer.categoryTaste());
        List<Product> pool = products.stream().filter(p -> p.category() == category).toList();
        double[] weights = pool.stream().mapToDouble(p -> p.popularity()
                * (customer.brands().contains(p.brand()) ? 4 : 1)).toArray();
        List<String> viewed = new ArrayList<>();
        int views = 2 + random.nextInt(5);
        for (int v = 0; v < views; v++) {
            String id = pool.get(pick(random, weights)).id();
            if (!viewed.contains(id)) {
                viewed.add(id);
            }
        }
        List<String> order = new ArrayList<>();
        if (random.nextDouble() < 0.7) {
            String bought = viewed.get(random.nextInt(viewed.size()));
            order.add(bought);
            if (random.nextDouble() < 0.5) {
                List<String> complements = byId.get(bought).complements();
                order.add(complements.get(random.nextInt(complements.size())));
            }
        }
        return new Session(customer.id(), viewed, order, start);
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The signals in memory, learnt with the same {@link CoOccurrence} rules as {@link InteractionStore}. */
    private static final class MemorySignals implements Signals {
        private final Map<String, Product> products;
        private final Map<String, Map<String, Long>> boughtWith = new HashMap<>();
        private final Map<String, Map<String, Long>> viewedWith = new HashMap<>();
        private final Map<String, long[]> counts = new HashMap<>(); // views, purchases
        private final Map<String, List<CoOccurrence.View>> views = new HashMap<>();
        private final Map<String, List<String>> purchases = new HashMap<>();

        MemorySignals(Map<String, Product> products) {
            this.products = products;
        }

        void learn(Session session) {
            Instant at = session.start();
            for (String viewed : session.viewed()) {
                at = at.plusSeconds(60);
                List<CoOccurrence.View> earlier = views.computeIfAbsent(session.customerId(), k -> new ArrayList<>());
                for (CoOccurrence.Pair pair : CoOccurrence.viewPairs(viewed, at, earlier)) {
                    viewedWith.computeIfAbsent(pair.productId(), k -> new HashMap<>()).merge(pair.otherId(), 1L, Long::sum);
                }
                earlier.addFirst(new CoOccurrence.View(viewed, at));
                counts.computeIfAbsent(viewed, k -> new long[2])[0]++;
            }
            if (!session.order().isEmpty()) {
                for (CoOccurrence.Pair pair : CoOccurrence.orderPairs(session.order())) {
                    boughtWith.computeIfAbsent(pair.productId(), k -> new HashMap<>()).merge(pair.otherId(), 1L, Long::sum);
                }
                for (String bought : session.order()) {
                    counts.computeIfAbsent(bought, k -> new long[2])[1]++;
                    List<String> own = purchases.computeIfAbsent(session.customerId(), k -> new ArrayList<>());
                    own.remove(bought);
                    own.addFirst(bought);
                }
            }
        }

        @Override
        public Map<String, Long> boughtWith(String productId, int limit) {
            return top(boughtWith.getOrDefault(productId, Map.of()), limit);
        }

        @Override
        public Map<String, Long> viewedWith(String productId, int limit) {
            return top(viewedWith.getOrDefault(productId, Map.of()), limit);
        }

        @Override
        public List<String> popular(int limit) {
            return ranked(counts.keySet(), limit);
        }

        @Override
        public List<String> popularIn(Collection<String> categoryIds, int limit) {
            return ranked(counts.keySet().stream()
                    .filter(id -> categoryIds.contains(String.valueOf(products.get(id).category()))).toList(), limit);
        }

        @Override
        public History history(String customerId) {
            List<String> viewed = views.getOrDefault(customerId, List.of()).stream()
                    .map(CoOccurrence.View::productId).distinct().limit(CoOccurrence.HISTORY).toList();
            return new History(viewed, purchases.getOrDefault(customerId, List.of()));
        }

        private List<String> ranked(Collection<String> ids, int limit) {
            return ids.stream().sorted(Comparator.comparingLong((String id) ->
                            -CoOccurrence.popularity(counts.get(id)[0], counts.get(id)[1])).thenComparing(id -> id))
                    .limit(limit).toList();
        }

        private static Map<String, Long> top(Map<String, Long> counts, int limit) {
            Map<String, Long> top = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(limit).forEach(e -> top.put(e.getKey(), e.getValue()));
            return top;
        }
    }

    /** Every generated product is public; no images. */
    private record MemoryCatalog(Map<String, Product> products) implements Catalog {

        @Override
        public Map<String, Item> publicItems(Collection<String> ids) {
            Map<String, Item> items = new HashMap<>();
            for (String id : ids) {
                Product p = products.get(id);
                if (p != null) {
                    items.put(id, new Item(id, String.valueOf(p.category()), "brand" + p.brand(), Map.of(),
                            new HashSet<>()));
                }
            }
            return items;
        }

        @Override
        public List<Item> inCategory(String categoryId, int limit) {
            return products.values().stream().filter(p -> String.valueOf(p.category()).equals(categoryId)).limit(limit)
                    .map(p -> new Item(p.id(), categoryId, "brand" + p.brand(), Map.of(), Set.of())).toList();
        }

        @Override
        public Map<String, Double> lookAlikes(String productId, int limit) {
            return Map.of();
        }
    }
}
