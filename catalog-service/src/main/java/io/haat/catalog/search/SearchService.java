package io.haat.catalog.search;

import io.haat.catalog.category.Category;
import io.haat.catalog.category.CategoryService;
import io.haat.catalog.category.CategoryTree;
import io.haat.catalog.support.Links;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.platform.audit.AuditRecords;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.security.Actor;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.Paging;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product search for the API: checks the parameters (every problem a 400 field error), widens a category to its
 * sub-categories, adds the click-through boosts of the query, names categories, and starts rebuilds for admins.
 * Content similarity ({@link #similar}) is open to the other catalog features.
 */
@Service
public class SearchService {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_SUGGESTIONS = 10;
    private static final long TREE_MILLIS = 5_000;

    private final SearchIndexer indexer;
    private final SearchClicks clicks;
    private final CategoryService categories;
    private final SearchProperties settings;
    private final MongoOutbox outbox;
    private final AuditRecords audit;
    private final Clock clock;
    private volatile CategoryTree tree;
    private volatile long treeUntil;

    public SearchService(SearchIndexer indexer, SearchClicks clicks, CategoryService categories,
                         SearchProperties settings, MongoOutbox outbox, JsonMapper json, Clock clock) {
        this.indexer = indexer;
        this.clicks = clicks;
        this.categories = categories;
        this.settings = settings;
        this.outbox = outbox;
        this.audit = new AuditRecords(json);
        this.clock = clock;
    }

    /** A search request as the API takes it, before checking. */
    public record Request(String q, String category, String store, List<String> brand, List<String> attr,
                          Long minPrice, Long maxPrice, Double minRating, Boolean inStock, String sort,
                          Integer page, Integer size) {
    }

    public SearchResponse search(Request request) {
        List<FieldProblem> errors = new ArrayList<>();
        String text = request.q() == null ? "" : request.q().strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldProblem("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        CategoryTree categoryTree = tree();
        Set<String> categoryIds = Set.of();
        if (request.category() != null && !request.category().isBlank()) {
            if (categoryTree.find(request.category()).isEmpty()) {
                categoryTree = freshTree(); // created in the last seconds?
            }
            if (categoryTree.find(request.category()).isEmpty()) {
                errors.add(new FieldProblem("category", "is not an existing category"));
            } else {
                categoryIds = categoryTree.subtreeOf(request.category());
            }
        }
        if (request.minPrice() != null && request.minPrice() < 0) {
            errors.add(new FieldProblem("minPrice", "must be greater than or equal to 0"));
        }
        if (request.maxPrice() != null && request.maxPrice() < 0) {
            errors.add(new FieldProblem("maxPrice", "must be greater than or equal to 0"));
        }
        if (request.minPrice() != null && request.maxPrice() != null && request.minPrice() > request.maxPrice()) {
            errors.add(new FieldProblem("maxPrice", "must not be below minPrice"));
        }
        if (request.minRating() != null && (request.minRating() < 0 || request.minRating() > 5)) {
            errors.add(new FieldProblem("minRating", "must be between 0 and 5"));
        }
        SearchSort sort = SearchSort.RELEVANCE;
        if (request.sort() != null) {
            sort = SearchSort.fromParameter(request.sort()).orElse(null);
            if (sort == null) {
                errors.add(new FieldProblem("sort", "must be one of relevance, price_asc, price_desc, rating, newest"));
            }
        }
        Map<String, Set<String>> attributes = new LinkedHashMap<>();
        for (String filter : request.attr() == null ? List.<String>of() : request.attr()) {
            int colon = filter.indexOf(':');
            if (colon <= 0 || colon == filter.length() - 1) {
                errors.add(new FieldProblem("attr", "must be name:value, e.g. colour:Red"));
            } else {
                attributes.computeIfAbsent(filter.substring(0, colon).strip(), k -> new LinkedHashSet<>())
                        .add(filter.substring(colon + 1).strip());
            }
        }
        Paging paging = null;
        try {
            paging = Paging.of(request.page(), request.size());
            if (paging.offset() + paging.size() > SearchEngine.MAX_WINDOW) {
                errors.add(new FieldProblem("page", "goes too deep: page × size + size must be at most "
                        + SearchEngine.MAX_WINDOW + "; narrow the search instead"));
            }
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        InvalidRequestException.throwIfAny(errors);

        Set<String> brands = request.brand() == null ? Set.of() : Set.copyOf(request.brand());
        SearchQuery query = new SearchQuery(text, categoryIds, blankToNull(request.store()), brands, attributes,
                request.minPrice(), request.maxPrice(), request.minRating(), Boolean.TRUE.equals(request.inStock()),
                sort, (int) paging.offset(), paging.size(), clicks.boostsFor(text));
        SearchResult result = indexer.index().engine().search(query);
        return response(result, paging, categoryTree);
    }

    public List<Suggestion> suggest(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidRequestException("q", "must not be blank");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        CategoryTree categoryTree = tree();
        List<Suggestion> named = new ArrayList<>();
        for (Suggestion s : indexer.index().engine().suggest(q, MAX_SUGGESTIONS)) {
            if ("category".equals(s.type())) {
                categoryTree.find(s.id()).ifPresent(c -> named.add(new Suggestion("category", c.name(), c.id())));
            } else {
                named.add(s);
            }
        }
        return named;
    }

    /** Ids of public products whose text is most like {@code productId}'s (itself excluded), best first. */
    public List<String> similar(String productId, int limit) {
        return indexer.index().engine().similar(productId, limit);
    }

    /** Starts rebuilding the index aside (audited); false when a rebuild is already running. */
    public boolean reindex(Actor admin) {
        boolean started = indexer.requestRebuild();
        if (started) {
            outbox.insertStandalone(List.of(outbox.event(Topics.AUDIT_EVENTS, audit.recorded(admin, "search.reindex",
                    "search-index", "products", null, Map.of("schemaVersion", SearchIndex.SCHEMA_VERSION),
                    clock.instant()), 0)));
        }
        return started;
    }

    private SearchResponse response(SearchResult result, Paging paging, CategoryTree categoryTree) {
        Links links = Links.current();
        List<SearchResponse.Item> items = result.hits().stream().map(h -> new SearchResponse.Item(h.productId(),
                h.storeId(), h.name(), h.highlight(), h.brand(), h.categoryId(), new Money(h.priceMinor(), h.currency()),
                h.compareAtMinor() == null ? null : new Money(h.compareAtMinor(), h.currency()), h.rating(),
                h.ratingCount(), h.inStock(), h.imageId() == null ? null : links.thumbnail(h.imageId(), 200))).toList();
        SearchResult.Facets f = result.facets();
        List<SearchResponse.CategoryCount> categoryCounts = f.categories().stream()
                .map(c -> new SearchResponse.CategoryCount(c.value(),
                        categoryTree.find(c.value()).map(Category::name).orElse(null), c.count())).toList();
        List<SearchResponse.PriceRange> prices = f.prices().stream().map(p -> new SearchResponse.PriceRange(
                new Money(p.fromMinor(), settings.currency()),
                p.toMinor() == null ? null : new Money(p.toMinor(), settings.currency()), p.count())).toList();
        return new SearchResponse(items, new SearchResponse.Facets(categoryCounts, f.brands(), prices, f.ratings(),
                f.attributes()), result.didYouMean(), paging.page(), paging.size(), result.totalHits());
    }

    private CategoryTree freshTree() {
        treeUntil = 0;
        return tree();
    }

    private CategoryTree tree() {
        long now = System.currentTimeMillis();
        CategoryTree current = tree;
        if (current == null || now > treeUntil) {
            current = categories.tree();
            tree = current;
            treeUntil = now + TREE_MILLIS;
        }
        return current;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
