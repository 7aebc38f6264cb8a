package io.haat.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structures that keep queries cheap return what the slow ways did: the in-memory autocomplete dictionary
 * follows near-real-time changes (a brand whose products are gone is no longer offered), name suggestions come
 * most popular first, typo rules for prefixes, and result cards read from doc values carry every field of the
 * product.
 */
class SearchStructuresTest {

    @TempDir
    Path directory;
    SearchIndex index;

    @BeforeEach
    void index() {
        index = SearchIndex.open(directory);
        SearchIndex.Rebuild rebuild = index.startRebuild();
        FixtureCatalog.products().forEach(rebuild::add);
        rebuild.swap(0, "fixture");
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void theDictionaryFollowsChangesToTheIndex() {
        assertThat(index.engine().suggest("hima", 10)).contains(new Suggestion("brand", "Himalaya", null));

        index.apply(List.of(), List.of("face-cream", "herbal-shampoo"));

        assertThat(index.engine().suggest("hima", 10)).extracting(Suggestion::text).doesNotContain("Himalaya");
        index.apply(List.of(product("tulsi-tea", "Tulsi Green Tea", "Himalaya", 10, 4.0)), List.of());
        assertThat(index.engine().suggest("hima", 10)).contains(new Suggestion("brand", "Himalaya", null));
    }

    @Test
    void namesMatchingEveryTypedWordComeMostPopularFirst() {
        index.apply(List.of(product("zz-1", "Zephyr Lamp Small", "Lumo", 3, 4.0),
                product("zz-2", "Zephyr Lamp Large", "Lumo", 300, 4.5),
                product("zz-3", "Zephyr Lamp Medium", "Lumo", 30, 4.9)), List.of());

        List<Suggestion> products = index.engine().suggest("zeph la", 10).stream()
                .filter(s -> s.type().equals("product")).toList();

        assertThat(products).extracting(Suggestion::id).containsExactly("zz-2", "zz-3", "zz-1");
        assertThat(index.engine().suggest("zepyhr", 10)).extracting(Suggestion::id).contains("zz-2"); // a typo
    }

    @Test
    void prefixesAllowTyposByLength() {
        assertThat(SuggestDictionary.beginsLike("samsung", "sa")).isTrue();
        assertThat(SuggestDictionary.beginsLike("samsung", "sma")).isTrue(); // a swap after the first letter
        assertThat(SuggestDictionary.beginsLike("samsung", "asm")).isFalse();
        assertThat(SuggestDictionary.beginsLike("samsung", "sxmxu")).isFalse(); // two edits at 5 letters
        assertThat(SuggestDictionary.beginsLike("samsung", "samsng")).isTrue();
        assertThat(SuggestDictionary.beginsLike("samsung", "xamsung")).isFalse(); // the first letter is kept
        assertThat(SuggestDictionary.beginsLike("kathmandu", "katmandu")).isTrue();
        assertThat(SuggestDictionary.beginsLike("refrigerator", "refridgerat")).isTrue(); // two edits from 9 letters
    }

    @Test
    void resultCardsCarryEveryFieldOfTheProduct() {
        SearchDocument full = new SearchDocument("card-1", "store-c", "Yak Wool <Blanket>", "Warm", "Tokla", "c-home",
                List.of("Home"), Map.of(), Map.of(), List.of(250_000L), 250_000, 300_000L, "NPR", 4.26, 17, false,
                Instant.parse("2026-01-01T00:00:00Z"), "img-9");
        index.apply(List.of(full), List.of());

        SearchResult.Hit hit = index.engine().search(SearchQuery.text("blanket")).hits().getFirst();

        assertThat(hit).usingRecursiveComparison().ignoringFields("score").isEqualTo(new SearchResult.Hit("card-1",
                "store-c", "Yak Wool <Blanket>", "Yak Wool &lt;<em>Blanket</em>&gt;", "Tokla", "c-home", 250_000,
                300_000L, "NPR", 4.3, 17, false, "img-9", 0));
        assertThat(hit.score()).isPositive();
    }

    private static SearchDocument product(String id, String name, String brand, long ratings, double rating) {
        return new SearchDocument(id, "store-z", name, "", brand, FixtureCatalog.KITCHEN, List.of("Home", "Kitchen"),
                Map.of(), Map.of(), List.of(100_000L), 100_000, null, "NPR", rating, ratings, true,
                Instant.parse("2026-01-01T00:00:00Z"), null);
    }
}
