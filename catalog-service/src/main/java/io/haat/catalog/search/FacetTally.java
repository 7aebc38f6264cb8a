package io.haat.catalog.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Counts, while the search collects its hits, every facet of the matching products in one pass over their doc values
 * (category, brand and attribute ordinals per segment, price and rating buckets), without first gathering the
 * matching documents into a set as {@code FacetsCollector} does; and, when asked, how many of them also match the
 * words as typed ({@code exact}, up to a limit), so that "did you mean" needs no second search to know the query
 * matched little.
 */
final class FacetTally implements Collector {

    final Map<String, Long> categories = new HashMap<>();
    final Map<String, Long> brands = new HashMap<>();
    final Map<String, Long> attributes = new HashMap<>();
    final long[] prices = new long[SearchEngine.PRICE_BUCKETS.size()];
    final long[] ratings = new long[SearchEngine.RATING_BUCKETS.length];
    private final Weight exact;
    private final int exactLimit;
    private int exactCount;

    /** {@code exact}: a non-scoring weight of a query every matching product of which the search also matches, or null. */
    FacetTally(Weight exact, int exactLimit) {
        this.exact = exact;
        this.exactLimit = exactLimit;
    }

    /** The number of collected products {@code exact} matches, counted no further than the limit. */
    int exactCount() {
        return Math.min(exactCount, exactLimit);
    }

    static CollectorManager<FacetTally, FacetTally> manager(Weight exact, int exactLimit) {
        return new CollectorManager<>() {
            @Override
            public FacetTally newCollector() {
                return new FacetTally(exact, exactLimit);
            }

            @Override
            public FacetTally reduce(Collection<FacetTally> tallies) {
                FacetTally total = new FacetTally(exact, exactLimit);
                for (FacetTally tally : tallies) {
                    tally.categories.forEach((k, v) -> total.categories.merge(k, v, Long::sum));
                    tally.brands.forEach((k, v) -> total.brands.merge(k, v, Long::sum));
                    tally.attributes.forEach((k, v) -> total.attributes.merge(k, v, Long::sum));
                    for (int i = 0; i < total.prices.length; i++) {
                        total.prices[i] += tally.prices[i];
                    }
                    for (int i = 0; i < total.ratings.length; i++) {
                        total.ratings[i] += tally.ratings[i];
                    }
                    total.exactCount += tally.exactCount;
                }
                return total;
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafReader reader = context.reader();
        SortedSetDocValues category = DocValues.getSortedSet(reader, Fields.CATEGORY);
        SortedSetDocValues brand = DocValues.getSortedSet(reader, Fields.BRAND);
        SortedSetDocValues attribute = DocValues.getSortedSet(reader, Fields.ATTRIBUTE);
        NumericDocValues price = DocValues.getNumeric(reader, Fields.PRICE);
        NumericDocValues rating = DocValues.getNumeric(reader, Fields.RATING);
        DocIdSetIterator exactDocs = null;
        if (exact != null && exactCount < exactLimit) {
            ScorerSupplier supplier = exact.scorerSupplier(context);
            exactDocs = supplier == null ? null : supplier.get(Long.MAX_VALUE).iterator();
        }
        DocIdSetIterator exactMatches = exactDocs;
        return new LeafCollector() {
            private long[] categoryCounts;
            private long[] brandCounts;
            private long[] attributeCounts;

            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (categoryCounts == null) {
                    categoryCounts = new long[(int) category.getValueCount()];
                    brandCounts = new long[(int) brand.getValueCount()];
                    attributeCounts = new long[(int) attribute.getValueCount()];
                }
                countOrdinals(category, doc, categoryCounts);
                countOrdinals(brand, doc, brandCounts);
                countOrdinals(attribute, doc, attributeCounts);
                if (price.advanceExact(doc)) {
                    prices[SearchEngine.priceBucket(price.longValue())]++;
                }
                if (rating.advanceExact(doc)) {
                    double stars = Double.longBitsToDouble(rating.longValue());
                    for (int i = 0; i < ratings.length; i++) {
                        if (stars >= SearchEngine.RATING_BUCKETS[i]) {
                            ratings[i]++;
                        }
                    }
                }
                if (exactMatches != null && exactCount < exactLimit) {
                    int at = exactMatches.docID();
                    if (at < doc) {
                        at = exactMatches.advance(doc);
                    }
                    if (at == doc) {
                        exactCount++;
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                if (categoryCounts != null) {
                    merge(category, categoryCounts, categories);
                    merge(brand, brandCounts, brands);
                    merge(attribute, attributeCounts, attributes);
                }
            }
        };
    }

    private static void countOrdinals(SortedSetDocValues values, int doc, long[] counts) throws IOException {
        if (counts.length > 0 && values.advanceExact(doc)) {
            for (int i = 0; i < values.docValueCount(); i++) {
                counts[(int) values.nextOrd()]++;
            }
        }
    }

    private static void merge(SortedSetDocValues values, long[] counts, Map<String, Long> into) throws IOException {
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
                into.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Long::sum);
            }
        }
    }
}
