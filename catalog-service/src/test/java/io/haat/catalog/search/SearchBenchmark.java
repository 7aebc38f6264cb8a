package io.haat.catalog.search;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The search benchmark, at any size: generates a catalog with a marketplace's vocabulary (categories with their
 * nouns, brands, adjectives, materials, colours, sizes, model numbers), builds the index, times typo queries,
 * filtered + faceted queries and suggestions in-process, and the same queries as the obvious MongoDB baseline
 * (case-insensitive regex on name or description, on mongo-java-server with the same products; a smaller sample,
 * it is slow). Prints the figures; {@link Figures} returns them for the callers' (non-timing) checks.
 */
final class SearchBenchmark {

    /** Percentiles are of the successful queries only; {@code errors} counts the failed ones, Lucene and MongoDB. */
    record Figures(int products, double buildSeconds, long indexBytes, long heapBytes, double[] typo, double[] faceted,
                   double[] suggest, double[] mongoTypo, double[] mongoFaceted, double[] mongoSuggest,
                   double typoFound, double typoTop1, int errors) {
    }

    /**
     * Queries timed, failures counted apart (a failed query is no fast query): wall-clock time, and the thread's CPU
     * time, which leaves out the time a shared machine gave other processes while the query waited.
     */
    private static final class Timings {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final List<Long> nanos = new ArrayList<>();
        private final List<Long> cpuNanos = new ArrayList<>();
        private int errors;

        <T> void time(T input, Consumer<T> work) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            try {
                work.accept(input);
                nanos.add(System.nanoTime() - t);
                cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
            } catch (RuntimeException e) {
                errors++;
            }
        }

        double[] millis() {
            return SearchBenchmark.millis(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        double[] cpuMillis() {
            return SearchBenchmark.millis(cpuNanos.stream().mapToLong(Long::longValue).toArray());
        }
    }

    private static final String[][] CATEGORIES = {
            // root, leaf, nouns
            {"Electronics", "Phones", "phone smartphone mobile"},
            {"Electronics", "Laptops", "laptop notebook ultrabook"},
            {"Electronics", "Headphones", "headphones earbuds headset"},
            {"Electronics", "Televisions", "television monitor projector"},
            {"Electronics", "Cameras", "camera lens tripod"},
            {"Electronics", "Tablets", "tablet e-reader stylus"},
            {"Fashion", "T-Shirts", "t-shirt tee polo"},
            {"Fashion", "Shirts", "shirt blouse kurta"},
            {"Fashion", "Dresses", "dress gown skirt"},
            {"Fashion", "Trousers", "jeans trousers chinos"},
            {"Fashion", "Jackets", "jacket coat parka hoodie"},
            {"Fashion", "Shawls", "shawl pashmina scarf stole"},
            {"Fashion", "Shoes", "sneakers boots sandals loafers"},
            {"Fashion", "Bags", "backpack handbag wallet tote"},
            {"Home", "Kitchen", "kettle cooker frypan mug blender toaster"},
            {"Home", "Furniture", "sofa table chair bookshelf wardrobe"},
            {"Home", "Decor", "lamp rug cushion vase curtain"},
            {"Home", "Bedding", "pillow blanket duvet bedsheet"},
            {"Beauty", "Skincare", "cream serum moisturizer cleanser sunscreen"},
            {"Beauty", "Haircare", "shampoo conditioner hairdryer"},
            {"Beauty", "Fragrance", "perfume cologne deodorant"},
            {"Sports", "Fitness", "dumbbell kettlebell treadmill"},
            {"Sports", "Outdoor", "tent sleeping-bag trekking-pole"},
            {"Sports", "Cycling", "bicycle helmet"},
            {"Sports", "Team Sports", "football cricket-bat racket"},
            {"Books", "Books", "novel cookbook guidebook biography"},
            {"Toys", "Toys", "puzzle doll blocks drone"},
            {"Groceries", "Groceries", "tea coffee honey rice spices"},
    };
    private static final Map<String, String[]> BRANDS = Map.of(
            "Electronics", new String[] {"Samsung", "Apple", "Xiaomi", "Sony", "Lenovo", "Dell", "Philips", "Canon", "Realme", "Huawei"},
            "Fashion", new String[] {"Everest Wear", "Kathmandu Looms", "Levis", "Nike", "Adidas", "Puma", "Bata", "Goldstar", "Zara", "Himalayan Threads"},
            "Home", new String[] {"Prestige", "Philips", "Ikea", "Haat Home", "Borosil", "Milton", "Godrej", "Bajaj"},
            "Beauty", new String[] {"Himalaya", "Nivea", "Loreal", "Garnier", "Dabur", "Lakme"},
            "Sports", new String[] {"Decathlon", "Yonex", "Nivia", "Cosco", "Hero", "Shimano"},
            "Books", new String[] {"Penguin", "Ekata", "Sangri-La Books"},
            "Toys", new String[] {"Lego", "Funskool", "Hasbro", "Mattel"},
            "Groceries", new String[] {"Ilam Tea", "Himalayan Java", "Organic Nepal", "Tokla"});
    private static final String[] ADJECTIVES = ("premium classic wireless portable slim organic handmade waterproof "
            + "lightweight vintage compact ergonomic deluxe smart durable elegant rugged soft heavy-duty eco-friendly").split(" ");
    private static final String[] MATERIALS = "cotton wool leather steel bamboo silk pashmina ceramic wooden polyester linen aluminium".split(" ");
    private static final String[] COLOURS = "black white red blue green maroon grey navy beige yellow pink brown".split(" ");
    private static final String[] SIZES = "S M L XL".split(" ");

    private final int products;
    private final int queries;
    private final int baselineQueries;
    private final Random random = new Random(42);
    private final List<SearchDocument> catalog = new ArrayList<>();
    private final Consumer<String> out;

    SearchBenchmark(int products, int queries, int baselineQueries, Consumer<String> out) {
        this.products = products;
        this.queries = queries;
        this.baselineQueries = baselineQueries;
        this.out = out;
    }

    Figures run(Path directory) {
        generate();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        SearchIndex index = SearchIndex.open(directory);
        try {
            SearchIndex.Rebuild rebuild = index.startRebuild();
            catalog.forEach(rebuild::add);
            rebuild.swap(0, "benchmark");
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            long heap = usedHeap() - heapBefore;

            List<String[]> typoQueries = typoQueries(queries);
            List<SearchQuery> faceted = facetedQueries(queries);
            List<String> prefixes = prefixes(queries);
            SearchEngine engine = index.engine();
            // warm-up: JIT and the operating system's page cache
            for (int i = 0; i < Math.min(2_000, queries); i++) {
                engine.search(SearchQuery.text(typoQueries.get(i % typoQueries.size())[0]));
                engine.search(faceted.get(i % faceted.size()));
                engine.suggest(prefixes.get(i % prefixes.size()), 10);
            }
            int[] found = {0};
            int[] top1 = {0};
            Timings typo = new Timings();
            for (String[] typoQuery : typoQueries) {
                typo.time(typoQuery, q -> {
                    SearchResult result = engine.search(SearchQuery.text(q[0]));
                    if (!result.hits().isEmpty()) {
                        found[0]++;
                        if (containsAll(result.hits().getFirst(), q[1])) {
                            top1[0]++;
                        }
                    }
                });
            }
            Timings facetedTimes = new Timings();
            faceted.forEach(q -> facetedTimes.time(q, engine::search));
            Timings suggestTimes = new Timings();
            prefixes.forEach(p -> suggestTimes.time(p, prefix -> engine.suggest(prefix, 10)));
            long heapAfterQueries = usedHeap() - heapBefore;
            int segments = engine.withSearcher(searcher -> searcher.getIndexReader().leaves().size());
            out.accept(String.format(Locale.ROOT, "%n[benchmark] the same queries' CPU time (this thread's, so the time the "
                    + "shared machine ran others is left out; %d index segments, load average %.2f):%n%s%n%s%n%s", segments,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    cpuLine("typo queries      ", typo.cpuMillis()), cpuLine("filtered + facets ", facetedTimes.cpuMillis()),
                    cpuLine("suggestions       ", suggestTimes.cpuMillis())));

            Figures partial = new Figures(products, buildSeconds, index.sizeBytes(), heap, typo.millis(),
                    facetedTimes.millis(), suggestTimes.millis(), null, null, null,
                    (double) found[0] / typoQueries.size(), (double) top1[0] / typoQueries.size(),
                    typo.errors + facetedTimes.errors + suggestTimes.errors);
            Figures figures = baseline(partial, typoQueries, faceted, prefixes);
            print(figures, heapAfterQueries);
            return figures;
        } finally {
            index.close();
        }
    }

    private void generate() {
        Instant published = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < products; i++) {
            String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String[] nouns = category[2].split(" ");
            String noun = nouns[random.nextInt(nouns.length)].replace('-', ' ');
            String[] brands = BRANDS.get(category[0]);
            String brand = brands[random.nextInt(brands.length)];
            String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
            String material = MATERIALS[random.nextInt(MATERIALS.length)];
            String colour = COLOURS[random.nextInt(COLOURS.length)];
            String model = (char) ('A' + random.nextInt(26)) + Integer.toString(100 + random.nextInt(900));
            String name = brand + " " + capitalize(adjective) + " " + (random.nextBoolean() ? capitalize(material) + " " : "")
                    + capitalize(noun) + " " + model;
            String description = "A " + adjective + " " + noun + " by " + brand + " in " + colour + ", made of " + material
                    + ". " + capitalize(ADJECTIVES[random.nextInt(ADJECTIVES.length)]) + " and "
                    + ADJECTIVES[random.nextInt(ADJECTIVES.length)] + ", for everyday use.";
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("colour", colour);
            attributes.put("material", material);
            Map<String, List<String>> options = category[0].equals("Fashion")
                    ? Map.of("size", List.of(Arrays.copyOfRange(SIZES, 0, 1 + random.nextInt(SIZES.length))))
                    : Map.of();
            long price = (5 + random.nextInt(2_000)) * 1_000L;
            List<Long> prices = options.isEmpty() ? List.of(price) : List.of(price, price + 10_000);
            double rating = random.nextInt(10) == 0 ? 0 : 2.5 + random.nextInt(26) / 10.0;
            catalog.add(new SearchDocument("p" + i, "s" + random.nextInt(500), name, description, brand,
                    "c-" + category[1].toLowerCase(Locale.ROOT), List.of(category[0], category[1]), attributes, options,
                    prices, price, null, "NPR", rating, rating == 0 ? 0 : random.nextInt(500), random.nextInt(5) != 0,
                    published.plusSeconds(i * 60L), null));
        }
    }

    /** [query with typos, the words meant]: a brand and/or noun of a product, one word misspelled. */
    private List<String[]> typoQueries(int count) {
        List<String[]> list = new ArrayList<>();
        while (list.size() < count) {
            SearchDocument p = catalog.get(random.nextInt(catalog.size()));
            String[] words = p.name().toLowerCase(Locale.ROOT).split(" ");
            String noun = words[words.length - 2];
            String brand = p.brand().toLowerCase(Locale.ROOT).split(" ")[0];
            String meant = random.nextBoolean() ? brand + " " + noun : noun;
            String[] parts = meant.split(" ");
            int target = -1;
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].length() >= 5 && (target < 0 || random.nextBoolean())) {
                    target = i;
                }
            }
            if (target < 0) {
                continue;
            }
            parts[target] = typo(parts[target]);
            list.add(new String[] {String.join(" ", parts), meant});
        }
        return list;
    }

    private String typo(String word) {
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1); // deletion
            case 1 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2); // swap
            default -> word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1); // substitution
        };
    }

    private List<SearchQuery> facetedQueries(int count) {
        List<SearchQuery> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String word = random.nextBoolean() ? ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                    : MATERIALS[random.nextInt(MATERIALS.length)];
            long min = random.nextInt(500) * 1_000L;
            list.add(new SearchQuery(word, Set.of("c-" + category[1].toLowerCase(Locale.ROOT)), null, null,
                    random.nextBoolean() ? Map.of("colour", Set.of(COLOURS[random.nextInt(COLOURS.length)])) : null,
                    min, min + 1_000_000, random.nextBoolean() ? 4.0 : null, random.nextBoolean(),
                    SearchSort.values()[random.nextInt(SearchSort.values().length)], 0, 20, null));
        }
        return list;
    }

    private List<String> prefixes(int count) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SearchDocument p = catalog.get(random.nextInt(catalog.size()));
            String[] words = p.name().toLowerCase(Locale.ROOT).split(" ");
            String word = words[random.nextInt(words.length - 1)];
            String prefix = word.substring(0, Math.min(word.length(), 2 + random.nextInt(5)));
            list.add(random.nextInt(3) == 0 && i > 0 ? words[0] + " " + prefix : prefix);
        }
        return list;
    }

    /** The same queries against MongoDB the obvious way: a case-insensitive regex on name or description. */
    private Figures baseline(Figures figures, List<String[]> typoQueries, List<SearchQuery> faceted, List<String> prefixes) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> collection = client.getDatabase("baseline").getCollection("products");
            List<Document> documents = new ArrayList<>();
            for (SearchDocument p : catalog) {
                documents.add(new Document("_id", p.productId()).append("name", p.name()).append("description", p.description())
                        .append("brand", p.brand()).append("categoryId", p.categoryId()).append("prices", p.variantPrices())
                        .append("rating", p.rating()).append("inStock", p.inStock()).append("attributes", new Document(
                                new LinkedHashMap<String, Object>(p.attributes()))));
                if (documents.size() == 5_000) {
                    collection.insertMany(documents);
                    documents.clear();
                }
            }
            if (!documents.isEmpty()) {
                collection.insertMany(documents);
            }
            int n = Math.min(baselineQueries, typoQueries.size());
            Timings typo = new Timings();
            Timings facetedTimes = new Timings();
            Timings suggest = new Timings();
            for (int i = 0; i < n; i++) {
                typo.time(typoQueries.get(i)[0], query -> {
                    Pattern text = Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE);
                    Bson byText = Filters.or(Filters.regex("name", text), Filters.regex("description", text));
                    collection.find(byText).limit(20).into(new ArrayList<>());
                    collection.countDocuments(byText);
                });
                facetedTimes.time(faceted.get(i), q -> {
                    Pattern word = Pattern.compile(Pattern.quote(q.text()), Pattern.CASE_INSENSITIVE);
                    List<Bson> and = new ArrayList<>(List.of(
                            Filters.or(Filters.regex("name", word), Filters.regex("description", word)),
                            Filters.in("categoryId", q.categoryIds()),
                            Filters.elemMatch("prices", new Document("$gte", q.minPrice()).append("$lte", q.maxPrice()))));
                    if (q.inStockOnly()) {
                        and.add(Filters.eq("inStock", true));
                    }
                    if (q.minRating() != null) {
                        and.add(Filters.gte("rating", q.minRating()));
                    }
                    collection.find(Filters.and(and)).limit(20).into(new ArrayList<>());
                    collection.countDocuments(Filters.and(and));
                });
                suggest.time(prefixes.get(i), p -> {
                    Pattern prefix = Pattern.compile("^" + Pattern.quote(p), Pattern.CASE_INSENSITIVE);
                    collection.find(Filters.regex("name", prefix)).limit(10).into(new ArrayList<>());
                });
            }
            return new Figures(figures.products(), figures.buildSeconds(), figures.indexBytes(), figures.heapBytes(),
                    figures.typo(), figures.faceted(), figures.suggest(), typo.millis(), facetedTimes.millis(),
                    suggest.millis(), figures.typoFound(), figures.typoTop1(),
                    figures.errors() + typo.errors + facetedTimes.errors + suggest.errors);
        } finally {
            server.shutdownNow();
        }
    }

    private void print(Figures f, long heapAfterQueries) {
        out.accept("\n[benchmark] JVM: " + jvm());
        out.accept(String.format(Locale.ROOT, "%n[benchmark] search: %,d products, index built in %.1f s, %.1f MB on disk, "
                        + "heap +%.1f MB after the build, +%.1f MB after %,d queries of each kind (JVM max heap %.0f MB)",
                f.products(), f.buildSeconds(), f.indexBytes() / 1e6, f.heapBytes() / 1e6, heapAfterQueries / 1e6,
                queries, Runtime.getRuntime().maxMemory() / 1e6));
        out.accept(line("typo queries      ", f.typo(), f.mongoTypo()));
        out.accept(line("filtered + facets ", f.faceted(), f.mongoFaceted()));
        out.accept(line("suggestions       ", f.suggest(), f.mongoSuggest()));
        out.accept(String.format(Locale.ROOT, "[benchmark] typo queries: %.1f%% found something, %.1f%% had the words meant "
                + "in the first result's name; %d failed queries (not in the percentiles); MongoDB baseline: %d queries "
                + "of each kind, in the same run%n", f.typoFound() * 100, f.typoTop1() * 100, f.errors(),
                Math.min(baselineQueries, queries)));
    }

    private static String cpuLine(String label, double[] cpu) {
        return String.format(Locale.ROOT, "[benchmark] %s Lucene CPU p50 %.3f ms, p95 %.3f ms, p99 %.3f ms", label, cpu[0],
                cpu[1], cpu[2]);
    }

    private static String line(String label, double[] lucene, double[] mongo) {
        return String.format(Locale.ROOT, "[benchmark] %s Lucene p50 %.3f ms, p95 %.3f ms, p99 %.3f ms | MongoDB regex "
                        + "p50 %.1f ms, p95 %.1f ms | p50 %.0fx, p95 %.0fx faster", label, lucene[0], lucene[1], lucene[2],
                mongo[0], mongo[1], mongo[0] / lucene[0], mongo[1] / lucene[1]);
    }

    /**
     * What the figures were measured with: the JIT, the collector, the flags and whether Lucene runs its internal
     * assertions (surefire's {@code -ea}; production runs without, see {@link #productionAssertions()}).
     */
    static String jvm() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        var compiler = ManagementFactory.getCompilationMXBean();
        String gcs = String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        String tiered = "?";
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            tiered = hotspot.getVMOption("TieredStopAtLevel").getValue();
        } catch (RuntimeException e) {
            // not HotSpot
        }
        return String.format(Locale.ROOT, "%s %s, %d CPUs, JIT %s (TieredStopAtLevel %s), GC %s, max heap %.0f MB, "
                        + "Lucene assertions %s, flags %s", runtime.getVmName(), runtime.getVmVersion(),
                Runtime.getRuntime().availableProcessors(), compiler == null ? "none" : compiler.getName(), tiered, gcs,
                Runtime.getRuntime().maxMemory() / 1e6, luceneAssertions() ? "ON (not production)" : "off",
                runtime.getInputArguments());
    }

    /**
     * Switches assertions off for the classes not yet initialized, as in production: surefire runs tests with
     * {@code -ea}, and Lucene's assertions (e.g. a stream over every postings block it advances in) cost a third of
     * the query time. Effective for Lucene only when called before any Lucene class is initialized (the benchmark
     * run on its own); {@link #jvm()} prints whether it was.
     */
    static void productionAssertions() {
        SearchBenchmark.class.getClassLoader().setDefaultAssertionStatus(false);
    }

    /** Whether Lucene's own assertions are on: an out-of-bounds {@code BytesRef} fails only under assertions. */
    private static boolean luceneAssertions() {
        try {
            new org.apache.lucene.util.BytesRef(new byte[1], 0, 2);
            return false;
        } catch (IllegalStateException | AssertionError e) {
            return true;
        }
    }

    /** p50, p95, p99 in milliseconds. */
    static double[] millis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6, percentile(sorted, 99) / 1e6};
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static boolean containsAll(SearchResult.Hit hit, String meant) {
        String text = (hit.name() + " " + hit.brand()).toLowerCase(Locale.ROOT);
        return Arrays.stream(meant.split(" ")).allMatch(text::contains);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
