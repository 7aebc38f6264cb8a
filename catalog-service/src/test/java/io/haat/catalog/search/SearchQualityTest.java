package io.haat.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Relevance over the fixture catalog: misspelled, synonym and partial queries must put the product meant in the
 * top 3 (a regression in analysis, boosts or typo rules fails here), exact matches rank above typo matches, and
 * corrections are offered only when the query as typed matched little.
 */
class SearchQualityTest {

    @TempDir
    static Path directory;
    static SearchIndex index;

    @BeforeAll
    static void index() {
        index = SearchIndex.open(directory);
        SearchIndex.Rebuild rebuild = index.startRebuild();
        FixtureCatalog.products().forEach(rebuild::add);
        rebuild.swap(0, "fixture");
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            iphne                | iphone-15
            iphone               | iphone-15
            samsng galxy         | galaxy-s24
            tshirt               | cotton-tshirt
            t-shirt              | cotton-tshirt
            tee                  | graphic-tee
            shawll               | pashmina-shawl
            pashmina             | pashmina-shawl
            shawl                | cashmere-stole
            mobile phone         | nokia-105
            smartphone           | iphone-15
            hedphones            | sony-xm5
            sneekers             | adidas-ultraboost
            trainers             | adidas-ultraboost
            runing shoes         | nike-zoom
            labtop               | dell-xps
            notebook             | thinkpad-x1
            refridgerator        | samsung-fridge
            fridge               | samsung-fridge
            samsung fridge       | samsung-fridge
            coffe mug            | coffee-mug
            presure cooker       | pressure-cooker
            thinkpad             | thinkpad-x1
            macbok               | macbook-air
            televsion            | lg-oled
            tv                   | lg-oled
            badmintn             | badminton-racket
            backpak              | leather-backpack
            rucksack             | leather-backpack
            couch                | sofa-3
            casio watch          | casio-gshock
            adiddas              | adidas-ultraboost
            nkie                 | nike-zoom
            pixle                | pixel-8
            moisturising cream   | face-cream
            pants                | trekking-pants
            pullover             | wool-sweater
            earbuds              | jbl-tune
            sams                 | galaxy-s24
            kettel               | electric-kettle
            """)
    void findsWhatWasMeant(String query, String expected) {
        List<String> top = ids(index.engine().search(SearchQuery.text(query))).stream().limit(3).toList();
        assertThat(top).as("top 3 for \"%s\"", query).contains(expected);
    }

    @Test
    void exactMatchesRankAboveTypoMatches() {
        List<String> shirts = ids(index.engine().search(SearchQuery.text("shirt")));
        assertThat(shirts).contains("denim-skirt"); // "skirt" is one typo from "shirt"
        assertThat(shirts.indexOf("denim-skirt")).isGreaterThan(shirts.indexOf("cotton-tshirt"))
                .isGreaterThan(shirts.indexOf("polo-shirt"));
    }

    @Test
    void nameMatchesRankAboveDescriptionMatches() {
        // "battery" is only in descriptions; "macbook" in a name: a name match of another word is not outranked
        List<String> cameras = ids(index.engine().search(SearchQuery.text("camera")));
        assertThat(cameras).containsExactlyInAnyOrder("galaxy-s24", "pixel-8");
        List<String> apple = ids(index.engine().search(SearchQuery.text("apple")));
        assertThat(apple).startsWith("macbook-air").contains("iphone-15"); // name and brand, the better rated first
    }

    @Test
    void shortWordsAllowOnlyASwapOfNeighbouringLetters() {
        assertThat(ids(index.engine().search(SearchQuery.text("mgu")))).contains("coffee-mug");
        assertThat(ids(index.engine().search(SearchQuery.text("mig")))).doesNotContain("coffee-mug");
        assertThat(ids(index.engine().search(SearchQuery.text("umg")))).doesNotContain("coffee-mug"); // first letter kept
    }

    @Test
    void offersACorrectionWhenTheQueryAsTypedMatchesLittle() {
        assertThat(index.engine().search(SearchQuery.text("iphne")).didYouMean()).isEqualTo("iphone");
        assertThat(index.engine().search(SearchQuery.text("samsng galxy")).didYouMean()).isEqualTo("samsung galaxy");
        assertThat(index.engine().search(SearchQuery.text("iphone")).didYouMean()).isNull();
        assertThat(index.engine().search(SearchQuery.text("tshirt")).didYouMean()).isNull();
    }

    @Test
    void highlightsTheMatchedWordsOfTheName() {
        var hit = index.engine().search(SearchQuery.text("samsng galxy")).hits().stream()
                .filter(h -> h.productId().equals("galaxy-s24")).findFirst().orElseThrow();
        assertThat(hit.highlight()).isEqualTo("<em>Samsung</em> <em>Galaxy</em> S24 Ultra");
    }

    @Test
    void suggestsBrandsCategoriesAndNamesFromTheFirstLetters() {
        List<Suggestion> sam = index.engine().suggest("sam", 10);
        assertThat(sam.getFirst()).isEqualTo(new Suggestion("brand", "Samsung", null));
        assertThat(sam).extracting(Suggestion::text).contains("Samsung Galaxy S24 Ultra", "Samsung Galaxy Buds FE");
        assertThat(index.engine().suggest("samsng gal", 10)).extracting(Suggestion::text)
                .contains("Samsung Galaxy S24 Ultra");
        assertThat(index.engine().suggest("shaw", 10)).contains(new Suggestion("category", null, FixtureCatalog.SHAWLS));
        assertThat(index.engine().suggest("iph", 10)).extracting(Suggestion::id).contains("iphone-15");
        assertThat(index.engine().suggest("a", 10)).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void similarProductsShareCategoryAndWords() {
        assertThat(index.engine().similar("galaxy-s24", 3)).doesNotContain("galaxy-s24")
                .isSubsetOf("iphone-15", "pixel-8", "redmi-13", "nokia-105", "iphone-case", "galaxy-buds");
        assertThat(index.engine().similar("nike-zoom", 2)).containsAnyOf("adidas-ultraboost", "chelsea-boots");
    }

    @Test
    void clicksOnAResultOfTheSameQueryLiftIt() {
        SearchQuery plain = SearchQuery.text("samsung");
        SearchQuery clicked = new SearchQuery("samsung", null, null, null, null, null, null, null, false,
                SearchSort.RELEVANCE, 0, 20, Map.of("samsung-fridge", 3.0));
        List<String> before = ids(index.engine().search(plain));
        List<String> after = ids(index.engine().search(clicked));
        assertThat(after.indexOf("samsung-fridge")).isLessThan(before.indexOf("samsung-fridge"));
        assertThat(Set.copyOf(after)).isEqualTo(Set.copyOf(before)); // a boost, never a new match
    }

    static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::productId).toList();
    }
}
