package io.haat.catalog.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Searches the index. A query's words must all match (if none does, all but one); each word matches
 * <ul>
 *   <li>exactly, stemmed, with synonyms, in the name (boost 10) › brand (6) › category path (4) › attributes
 *       and options (2) › description (1), plus a bonus when written exactly as in the name;</li>
 *   <li>as a prefix of a name or brand word, for the word being typed (the last);</li>
 *   <li>with typos by its length ({@link TypoRules}), in name, brand, category and attributes (one field, so
 *       one look-up per word, {@link TypoTerms}), weighted well below exact matches.</li>
 * </ul>
 * Rating, popularity (number of reviews) and stock add a modest, saturating amount; so do earlier clicks on
 * results of the same query. Facets count all matching products (after the filters).
 */
public final class SearchEngine {

    /** How deep pagination may go: offset + size. */
    public static final int MAX_WINDOW = 1_000;
    static final List<long[]> PRICE_BUCKETS = List.of(new long[] {0, 100_000}, new long[] {100_000, 250_000},
            new long[] {250_000, 500_000}, new long[] {500_000, 1_000_000}, new long[] {1_000_000, 2_500_000},
            new long[] {2_500_000, -1});
    static final int[] RATING_BUCKETS = {4, 3, 2, 1};
    private static final int FACET_VALUES = 20;
    /** Weight of a typo match, well below an exact one in any field but the description. */
    private static final float TYPO_BOOST = 1.5f;
    /** Fewer exact matches than this: the query "matched little" and a spelling correction is looked for. */
    private static final int LITTLE = 3;

    private static final Map<String, Float> EXACT_FIELDS = orderedBoosts(
            Fields.NAME, 10f, Fields.BRAND_TEXT, 6f, Fields.CATEGORY_TEXT, 4f, Fields.ATTRIBUTES_TEXT, 2f,
            Fields.DESCRIPTION, 1f);

    /** Name suggestions: the most popular first ({@link Fields#SUGGEST_RANK}, points let the sort skip the rest). */
    private static final Sort SUGGEST_ORDER = new Sort(
            LongField.newSortField(Fields.SUGGEST_RANK, true, SortedNumericSelector.Type.MIN));

    private final SearchAnalysis analysis;
    private final Supplier<IndexGeneration> generation;
    private final SuggestDictionary suggestDictionary;
    private final TypoTerms typoTerms = new TypoTerms();

    SearchEngine(SearchAnalysis analysis, Supplier<IndexGeneration> generation) {
        this.analysis = analysis;
        this.generation = generation;
        this.suggestDictionary = new SuggestDictionary(analysis);
    }

    public SearchResult search(SearchQuery query) {
        if (query.offset() + query.size() > MAX_WINDOW) {
            throw new IllegalArgumentException("offset + size must not exceed " + MAX_WINDOW);
        }
        return withSearcher(searcher -> run(searcher, query));
    }

    /**
     * Up to {@code limit} completions of what was typed: brands, categories, then product names. Brands and
     * categories come from the in-memory {@link SuggestDictionary} (most products first); names are the products
     * whose name words begin with every typed word, most popular first ({@link LuceneDocuments#suggestRank}, sorted
     * on without scoring, so a two-letter prefix costs no more than a long one), and only when those are too few,
     * the names matched allowing typos.
     */
    public List<Suggestion> suggest(String prefix, int limit) {
        List<String> words = analysis.words(prefix == null ? "" : prefix);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        return withSearcher(searcher -> {
            List<Suggestion> suggestions = new ArrayList<>();
            SuggestDictionary.Snapshot dictionary = suggestDictionary.of(searcher.getIndexReader());
            for (SuggestDictionary.Entry brand : SuggestDictionary.matching(dictionary.brands(), words, 2)) {
                suggestions.add(new Suggestion("brand", brand.text(), null));
            }
            for (SuggestDictionary.Entry category : SuggestDictionary.matching(dictionary.categories(), words, 3)) {
                suggestions.add(new Suggestion("category", null, category.id()));
            }
            Set<String> seen = new HashSet<>();
            addNames(searcher, suggestQuery(Fields.SUGGEST_NAME, words, false), limit, suggestions, seen);
            if (suggestions.size() < limit) {
                addNames(searcher, suggestQuery(Fields.SUGGEST_NAME, words, true), limit, suggestions, seen);
            }
            return suggestions.size() > limit ? suggestions.subList(0, limit) : suggestions;
        });
    }

    private static void addNames(IndexSearcher searcher, Query query, int limit, List<Suggestion> suggestions,
                                 Set<String> seen) throws IOException {
        if (suggestions.size() >= limit) {
            return;
        }
        TopDocs top = searcher.search(new ConstantScoreQuery(query), limit * 3, SUGGEST_ORDER, false);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : top.scoreDocs) {
            if (suggestions.size() >= limit) {
                break;
            }
            SearchResult.Hit card = card(leaves, hit, UnaryOperator.identity());
            if (seen.add(card.name().toLowerCase(Locale.ROOT))) {
                suggestions.add(new Suggestion("product", card.name(), card.productId()));
            }
        }
    }

    /**
     * Products like {@code productId} by their text (name, brand, category, attributes), most alike first, never the
     * product itself; empty when the product is not in the index.
     */
    public List<String> similar(String productId, int limit) {
        return withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(Fields.ID, productId)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            var doc = searcher.storedFields().document(self.scoreDocs[0].doc);
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analysis.indexing());
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setFieldNames(new String[] {Fields.NAME, Fields.CATEGORY_TEXT, Fields.ATTRIBUTES_TEXT});
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            like.add(mlt.like(Fields.NAME, new StringReader(doc.get(Fields.NAME))), Occur.SHOULD);
            like.add(mlt.like(Fields.CATEGORY_TEXT, new StringReader(nullToEmpty(doc.get(Fields.CATEGORY_TEXT)))), Occur.SHOULD);
            like.add(mlt.like(Fields.ATTRIBUTES_TEXT, new StringReader(nullToEmpty(doc.get(Fields.ATTRIBUTES_TEXT)))), Occur.SHOULD);
            if (doc.get(Fields.BRAND) != null) {
                like.add(new BoostQuery(new TermQuery(new Term(Fields.BRAND, doc.get(Fields.BRAND))), 0.5f), Occur.SHOULD);
            }
            like.add(new TermQuery(new Term(Fields.ID, productId)), Occur.MUST_NOT);
            TopDocs top = searcher.search(like.build(), limit);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc, Set.of(Fields.ID)).get(Fields.ID));
            }
            return ids;
        });
    }

    <T> T withSearcher(SearchIndex.SearcherWork<T> work) {
        IndexGeneration current = generation.get();
        try {
            IndexSearcher searcher = current.searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                current.searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult run(IndexSearcher searcher, SearchQuery query) throws IOException {
        List<String> words = meaningfulWords(query.text());
        Query filters = filters(query);
        List<Query> wordQueries = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            wordQueries.add(wordQuery(searcher.getIndexReader(), words.get(i), i == words.size() - 1));
        }
        Query text = words.isEmpty() ? new MatchAllDocsQuery() : textQuery(wordQueries, words.size());
        IndexReader reader = searcher.getIndexReader();
        List<Boolean> occurring = new ArrayList<>(words.size());
        for (String word : words) {
            occurring.add(occurs(reader, word));
        }
        // how many products match the words as typed (for didYouMean) is counted among the hits, as they are collected
        Weight exact = words.isEmpty() || occurring.contains(false) ? null
                : searcher.createWeight(searcher.rewrite(exactQuery(words)), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Executed result = execute(searcher, query, text, filters, exact);
        // a word no product contains: nothing matches as typed
        int asTyped = exact == null ? 0 : result.tally().exactCount();
        if (result.top().totalHits.value() == 0 && words.size() > 1) {
            result = execute(searcher, query, textQuery(wordQueries, words.size() - 1), filters, null);
        }
        String didYouMean = words.isEmpty() ? null : didYouMean(searcher, words, occurring, asTyped, filters);
        List<SearchResult.Hit> hits = hits(searcher, result.top(), query, words);
        return new SearchResult(result.top().totalHits.value(), hits, facets(result.tally()), didYouMean);
    }

    /** A search's hits (its window, all counted) and the tally of facets over all of them. */
    private record Executed(TopDocs top, FacetTally tally) {
    }

    /**
     * Collects the window of hits (every hit counted), the facets and, with {@code exact}, how many hits match the
     * words as typed (up to {@link #LITTLE}), in one pass.
     */
    private Executed execute(IndexSearcher searcher, SearchQuery query, Query text, Query filters, Weight exact)
            throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(withSignals(text, query.clickBoosts()), Occur.MUST);
        if (filters != null) {
            builder.add(filters, Occur.FILTER);
        }
        int window = Math.min(query.offset() + query.size(), Math.max(1, searcher.getIndexReader().maxDoc()));
        Sort sort = sort(query.sort());
        CollectorManager<FacetTally, FacetTally> tally = FacetTally.manager(exact, LITTLE);
        if (window == 0) {
            Object[] counted = searcher.search(builder.build(),
                    new MultiCollectorManager(new TotalHitCountCollectorManager(searcher.getSlices()), tally));
            return new Executed(new TopDocs(new TotalHits((Integer) counted[0], TotalHits.Relation.EQUAL_TO),
                    new ScoreDoc[0]), (FacetTally) counted[1]);
        }
        CollectorManager<?, ? extends TopDocs> hits = sort == null
                ? new TopScoreDocCollectorManager(window, null, Integer.MAX_VALUE)
                : new TopFieldCollectorManager(sort, window, null, Integer.MAX_VALUE);
        Object[] collected = searcher.search(builder.build(), new MultiCollectorManager(hits, tally));
        return new Executed((TopDocs) collected[0], (FacetTally) collected[1]);
    }

    /** The query's words without English stop words ("shoes for men" → shoes, men), unless that leaves none. */
    private List<String> meaningfulWords(String text) {
        List<String> words = analysis.words(text);
        List<String> meaningful = words.stream().filter(w -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)).toList();
        List<String> chosen = meaningful.isEmpty() ? words : meaningful;
        return chosen.size() > 10 ? chosen.subList(0, 10) : chosen;
    }

    /** Each word a required clause; {@code mustMatch} of them when relaxed. */
    private static Query textQuery(List<Query> wordQueries, int mustMatch) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Query word : wordQueries) {
            all.add(word, Occur.SHOULD);
        }
        return all.setMinimumNumberShouldMatch(mustMatch).build();
    }

    /**
     * One word's clause. Its typos are matched as a {@code FuzzyQuery} (max edits by length, the first letter kept
     * from 2 edits, 50 expansions, transpositions) would, by a {@link TypoQuery} over the words {@link TypoTerms}
     * found: the same words and scores without building the automata per query.
     */
    private Query wordQuery(IndexReader reader, String word, boolean typing) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        addExact(any, word);
        if (typing && word.length() >= 2) {
            any.add(new BoostQuery(new ConstantScoreQuery(new PrefixTermsQuery(new Term(Fields.NAME_PLAIN, word))), 4f), Occur.SHOULD);
            any.add(new BoostQuery(new ConstantScoreQuery(new PrefixTermsQuery(new Term(Fields.BRAND_PLAIN, word))), 3f), Occur.SHOULD);
        }
        int edits = TypoRules.maxEdits(word);
        if (edits > 0) {
            List<TypoTerms.Match> typos = typoTerms.within(reader, Fields.TYPO, word, edits, edits == 2 ? 1 : 0);
            any.add(new BoostQuery(new TypoQuery(Fields.TYPO, word, typos, 50), TYPO_BOOST), Occur.SHOULD);
        } else {
            for (String variant : TypoRules.transpositions(word)) {
                any.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.TYPO, variant))),
                        TYPO_BOOST), Occur.SHOULD);
            }
        }
        return any.build();
    }

    private void addExact(BooleanQuery.Builder any, String word) {
        String stem = analysis.stem(word);
        EXACT_FIELDS.forEach((field, boost) ->
                any.add(new BoostQuery(new TermQuery(new Term(field, stem)), boost), Occur.SHOULD));
        any.add(new BoostQuery(new TermQuery(new Term(Fields.NAME_PLAIN, word)), 2f), Occur.SHOULD);
    }

    /** Words matched as typed only (no typos, no prefixes): how much the query "really" matches. */
    private Query exactQuery(List<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            addExact(any, word);
            all.add(any.build(), Occur.MUST);
        }
        return all.build();
    }

    /** Ranking signals added to a text query: rating, popularity, stock and earlier clicks. */
    private static Query withSignals(Query text, Map<String, Double> clickBoosts) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(text, Occur.MUST)
                .add(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.FEATURE_RATING, 1.0f, 4f), Occur.SHOULD)
                .add(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.FEATURE_POPULARITY, 1.0f, 20f), Occur.SHOULD)
                .add(FeatureField.newLinearQuery(Fields.FEATURES, Fields.FEATURE_IN_STOCK, 1.0f), Occur.SHOULD);
        clickBoosts.forEach((productId, weight) -> builder.add(new BoostQuery(new ConstantScoreQuery(
                new TermQuery(new Term(Fields.ID, productId))), weight.floatValue()), Occur.SHOULD));
        return builder.build();
    }

    private static Query filters(SearchQuery query) {
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        boolean any = false;
        if (!query.categoryIds().isEmpty()) {
            filters.add(KeywordField.newSetQuery(Fields.CATEGORY, bytes(query.categoryIds())), Occur.FILTER);
            any = true;
        }
        if (query.storeId() != null) {
            filters.add(KeywordField.newExactQuery(Fields.STORE, query.storeId()), Occur.FILTER);
            any = true;
        }
        if (!query.brands().isEmpty()) {
            filters.add(KeywordField.newSetQuery(Fields.BRAND, bytes(query.brands())), Occur.FILTER);
            any = true;
        }
        for (Map.Entry<String, Set<String>> attribute : query.attributes().entrySet()) {
            List<BytesRef> values = attribute.getValue().stream()
                    .map(v -> new BytesRef(LuceneDocuments.attributeKey(attribute.getKey(), v))).toList();
            BooleanQuery.Builder oneOf = new BooleanQuery.Builder();
            values.forEach(v -> oneOf.add(new TermQuery(new Term(Fields.ATTRIBUTE, v)), Occur.SHOULD));
            filters.add(oneOf.build(), Occur.FILTER);
            any = true;
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            // points, or the doc values of the few candidates when the rest of the query is selective
            filters.add(LongField.newRangeQuery(Fields.VARIANT_PRICE,
                    query.minPrice() == null ? Long.MIN_VALUE : query.minPrice(),
                    query.maxPrice() == null ? Long.MAX_VALUE : query.maxPrice()), Occur.FILTER);
            any = true;
        }
        if (query.minRating() != null) {
            filters.add(ratingAtLeast(query.minRating()), Occur.FILTER);
            any = true;
        }
        if (query.inStockOnly()) {
            filters.add(new TermQuery(new Term(Fields.IN_STOCK, "1")), Occur.FILTER);
            any = true;
        }
        return any ? filters.build() : null;
    }

    /**
     * Products rated {@code minRating} or better: by points, or by the doc values (the raw bits of a non-negative
     * double, which order as the doubles do) of the few candidates when the rest of the query is selective.
     */
    static Query ratingAtLeast(double minRating) {
        Query points = DoublePoint.newRangeQuery(Fields.RATING, minRating, Double.POSITIVE_INFINITY);
        long lowest = Double.doubleToRawLongBits(minRating);
        if (Double.isNaN(minRating) || lowest < 0) {
            return points; // negative (or -0.0): raw bits do not order; ratings never are, validation refuses them
        }
        return new IndexOrDocValuesQuery(points, NumericDocValuesField.newSlowRangeQuery(Fields.RATING, lowest,
                Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)));
    }

    private static Collection<BytesRef> bytes(Collection<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    private static Sort sort(SearchSort sort) {
        return switch (sort) {
            case RELEVANCE -> null;
            case PRICE_ASC -> new Sort(new SortField(Fields.PRICE, SortField.Type.LONG), SortField.FIELD_SCORE);
            case PRICE_DESC -> new Sort(new SortField(Fields.PRICE, SortField.Type.LONG, true), SortField.FIELD_SCORE);
            case RATING -> new Sort(new SortField(Fields.RATING, SortField.Type.DOUBLE, true),
                    new SortField(Fields.RATING_COUNT, SortField.Type.LONG, true), SortField.FIELD_SCORE);
            case NEWEST -> new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
        };
    }

    /**
     * A correction when the words as typed match little: each word no product contains is replaced by the
     * closest indexed word (name, brand, category; chosen as {@code DirectSpellChecker} chooses it, see
     * {@link TypoTerms#correction}), and the correction is offered if it matches at least twice as many products.
     */
    private String didYouMean(IndexSearcher searcher, List<String> words, List<Boolean> occurring, int asTyped,
                              Query filters) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        if (asTyped >= LITTLE) {
            return null;
        }
        List<String> corrected = new ArrayList<>(words.size());
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String replacement = word;
            if (!occurring.get(i)) {
                String correction = typoTerms.correction(reader, Fields.SPELL, word, Math.max(1, TypoRules.maxEdits(word)));
                if (correction != null) {
                    replacement = correction;
                    changed = true;
                }
            }
            corrected.add(replacement);
        }
        if (!changed) {
            return null;
        }
        int enough = 2 * asTyped + 1;
        int better = countUpTo(searcher, exactQuery(corrected), filters, enough);
        return better >= enough ? String.join(" ", corrected) : null;
    }

    private boolean occurs(IndexReader reader, String word) throws IOException {
        String stem = analysis.stem(word);
        for (String field : EXACT_FIELDS.keySet()) {
            if (reader.docFreq(new Term(field, stem)) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of products matching, counted no further than {@code limit}: whether a query "matched little" needs
     * no more, and a common word matches tens of thousands.
     */
    static int countUpTo(IndexSearcher searcher, Query query, Query filters, int limit) throws IOException {
        Query counted = filters == null ? query
                : new BooleanQuery.Builder().add(query, Occur.MUST).add(filters, Occur.FILTER).build();
        return searcher.search(counted, new CollectorManager<LimitedCount, Integer>() {
            @Override
            public LimitedCount newCollector() {
                return new LimitedCount(limit);
            }

            @Override
            public Integer reduce(Collection<LimitedCount> collectors) {
                return (int) Math.min(limit, collectors.stream().mapToLong(c -> c.count).sum());
            }
        });
    }

    /** Counts matching documents and stops collecting once it reached its limit. */
    private static final class LimitedCount implements Collector {

        private final int limit;
        private int count;

        LimitedCount(int limit) {
            this.limit = limit;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            if (count >= limit) {
                throw new CollectionTerminatedException();
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    if (++count >= limit) {
                        throw new CollectionTerminatedException();
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** The page's hits, rendered from the {@link Fields#CARD} doc values (no stored fields: no block decompression). */
    private List<SearchResult.Hit> hits(IndexSearcher searcher, TopDocs top, SearchQuery query, List<String> words)
            throws IOException {
        int count = top.scoreDocs.length - query.offset();
        if (count <= 0) {
            return new ArrayList<>();
        }
        Highlighter highlighter = new Highlighter(analysis, words);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        // read in document order: one doc values iterator per segment, each only moving forward
        Integer[] byDoc = new Integer[count];
        for (int i = 0; i < count; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> top.scoreDocs[query.offset() + i].doc));
        SearchResult.Hit[] cards = new SearchResult.Hit[count];
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : byDoc) {
            ScoreDoc hit = top.scoreDocs[query.offset() + i];
            if (leaf == null || hit.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                values = DocValues.getBinary(leaf.reader(), Fields.CARD);
            }
            if (!values.advanceExact(hit.doc - leaf.docBase)) {
                throw new IllegalStateException("search document without a result card: " + hit.doc);
            }
            cards[i] = LuceneDocuments.readCard(values.binaryValue(), highlighter::highlight, hit.score);
        }
        return new ArrayList<>(Arrays.asList(cards));
    }

    private static SearchResult.Hit card(List<LeafReaderContext> leaves, ScoreDoc hit, UnaryOperator<String> highlight)
            throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
        BinaryDocValues cards = DocValues.getBinary(leaf.reader(), Fields.CARD);
        if (!cards.advanceExact(hit.doc - leaf.docBase)) {
            throw new IllegalStateException("search document without a result card: " + hit.doc);
        }
        return LuceneDocuments.readCard(cards.binaryValue(), highlight, hit.score);
    }

    /** The facets of the matching products, from the counts {@link FacetTally} made while they were collected. */
    private static SearchResult.Facets facets(FacetTally tally) {
        Map<String, Long> categories = tally.categories;
        Map<String, Long> brands = tally.brands;
        Map<String, Long> attributes = tally.attributes;
        long[] prices = tally.prices;
        long[] ratings = tally.ratings;
        Map<String, Map<String, Long>> byAttribute = new TreeMap<>();
        attributes.forEach((key, count) -> {
            int separator = key.indexOf(Fields.SEPARATOR);
            byAttribute.computeIfAbsent(key.substring(0, separator), k -> new HashMap<>())
                    .put(key.substring(separator + 1), count);
        });
        Map<String, List<SearchResult.Count>> attributeFacets = new LinkedHashMap<>();
        byAttribute.forEach((name, values) -> attributeFacets.put(name, top(values)));
        List<SearchResult.PriceBucket> priceFacets = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            long[] bucket = PRICE_BUCKETS.get(i);
            priceFacets.add(new SearchResult.PriceBucket(bucket[0], bucket[1] < 0 ? null : bucket[1], prices[i]));
        }
        List<SearchResult.RatingBucket> ratingFacets = new ArrayList<>();
        for (int i = 0; i < RATING_BUCKETS.length; i++) {
            ratingFacets.add(new SearchResult.RatingBucket(RATING_BUCKETS[i], ratings[i]));
        }
        return new SearchResult.Facets(top(categories), top(brands), priceFacets, ratingFacets, attributeFacets);
    }

    static int priceBucket(long price) {
        for (int i = 0; i < PRICE_BUCKETS.size() - 1; i++) {
            if (price < PRICE_BUCKETS.get(i)[1]) {
                return i;
            }
        }
        return PRICE_BUCKETS.size() - 1;
    }

    private static List<SearchResult.Count> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FACET_VALUES).map(e -> new SearchResult.Count(e.getKey(), e.getValue())).toList();
    }

    /**
     * Every typed word must begin a word of {@code field} (an edge n-gram field); with {@code typos}, allowing typos
     * by length.
     */
    private static Query suggestQuery(String field, List<String> words, boolean typos) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            String gram = word.length() > 20 ? word.substring(0, 20) : word;
            BooleanQuery.Builder any = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(field, gram)), Occur.SHOULD);
            int edits = TypoRules.maxEdits(gram);
            if (!typos) {
                // the exact prefix only
            } else if (edits > 0) {
                any.add(new FuzzyQuery(new Term(field, gram), edits, 1, 20, true), Occur.SHOULD);
            } else {
                TypoRules.transpositions(gram).forEach(variant ->
                        any.add(new TermQuery(new Term(field, variant)), Occur.SHOULD));
            }
            all.add(any.build(), Occur.FILTER);
        }
        return all.build();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Float> orderedBoosts(Object... fieldsAndBoosts) {
        Map<String, Float> boosts = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndBoosts.length; i += 2) {
            boosts.put((String) fieldsAndBoosts[i], (Float) fieldsAndBoosts[i + 1]);
        }
        return boosts;
    }
}
