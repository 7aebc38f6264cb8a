package io.haat.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * The brands and categories autocomplete offers, with their number of products, held in memory for the index as a
 * searcher sees it: a few hundred entries, so a prefix is matched against each entry's words instead of collecting
 * every product whose brand or category begins with it (a two-letter prefix matches a large part of the catalog).
 * Counted once per segment (a refresh recounts only new or changed segments) and merged once per searcher.
 */
final class SuggestDictionary {

    /** A brand ({@code id} null) or a category (by id, {@code text} its own name), its words and its products. */
    record Entry(String text, String id, List<String> words, long count) {
    }

    record Snapshot(List<Entry> brands, List<Entry> categories) {
    }

    private record LeafCounts(Map<String, Long> brands, Map<String, Long> categories) {
    }

    private final SearchAnalysis analysis;
    private final Map<Object, LeafCounts> leaves = new ConcurrentHashMap<>();
    private final Map<String, List<String>> words = new ConcurrentHashMap<>();
    /** The snapshot of the last reader asked about, with that reader's cache key (one field: read and set together). */
    private volatile Cached cached;

    private record Cached(Object key, Snapshot snapshot) {
    }

    SuggestDictionary(SearchAnalysis analysis) {
        this.analysis = analysis;
    }

    Snapshot of(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Object key = helper == null ? null : helper.getKey();
        Cached last = cached;
        if (key != null && last != null && last.key() == key) {
            return last.snapshot();
        }
        Map<String, Long> brands = new HashMap<>();
        Map<String, Long> categories = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafCounts counts = counts(leaf.reader());
            counts.brands().forEach((k, v) -> brands.merge(k, v, Long::sum));
            counts.categories().forEach((k, v) -> categories.merge(k, v, Long::sum));
        }
        List<Entry> brandEntries = new ArrayList<>();
        brands.forEach((brand, count) -> brandEntries.add(new Entry(brand, null, wordsOf(brand), count)));
        List<Entry> categoryEntries = new ArrayList<>();
        categories.forEach((value, count) -> {
            int separator = value.indexOf(Fields.SEPARATOR);
            String name = value.substring(separator + 1);
            categoryEntries.add(new Entry(name, value.substring(0, separator), wordsOf(name), count));
        });
        Comparator<Entry> order = Comparator.comparingLong(Entry::count).reversed()
                .thenComparing(e -> e.id() == null ? e.text() : e.id());
        brandEntries.sort(order);
        categoryEntries.sort(order);
        Snapshot built = new Snapshot(List.copyOf(brandEntries), List.copyOf(categoryEntries));
        if (key != null) {
            cached = new Cached(key, built);
        }
        return built;
    }

    /**
     * The entries each of whose typed words begins a word of the entry (allowing typos by length, the first letter
     * kept, as the name suggestions do), most products first.
     */
    static List<Entry> matching(List<Entry> entries, List<String> typed, int limit) {
        List<Entry> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (found.size() >= limit) {
                break;
            }
            if (typed.stream().allMatch(word -> entry.words().stream().anyMatch(w -> beginsLike(w, word)))) {
                found.add(entry);
            }
        }
        return found;
    }

    /**
     * Whether {@code word} begins {@code indexed} as the edge n-gram field would match it: a prefix, or (from 5
     * letters) a prefix within the allowed edits with the same first letter, or (3–4 letters) a prefix once two
     * neighbouring letters after the first are swapped.
     */
    static boolean beginsLike(String indexed, String word) {
        String gram = word.length() > 20 ? word.substring(0, 20) : word;
        if (indexed.startsWith(gram)) {
            return true;
        }
        int edits = TypoRules.maxEdits(gram);
        if (edits == 0) {
            for (String variant : TypoRules.transpositions(gram)) {
                if (indexed.startsWith(variant)) {
                    return true;
                }
            }
            return false;
        }
        if (indexed.isEmpty() || indexed.charAt(0) != gram.charAt(0)) {
            return false;
        }
        int longest = Math.min(Math.min(indexed.length(), 20), gram.length() + edits);
        for (int length = Math.max(1, gram.length() - edits); length <= longest; length++) {
            if (Highlighter.distance(indexed.substring(0, length), gram) <= edits) {
                return true;
            }
        }
        return indexed.length() > 20 && Highlighter.distance(indexed, gram) <= edits;
    }

    private List<String> wordsOf(String text) {
        return words.computeIfAbsent(text, t -> List.copyOf(analysis.words(t)));
    }

    private LeafCounts counts(LeafReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return count(reader);
        }
        LeafCounts counted = leaves.get(helper.getKey());
        if (counted == null) {
            counted = count(reader);
            if (leaves.putIfAbsent(helper.getKey(), counted) == null) {
                helper.addClosedListener(leaves::remove);
            }
        }
        return counted;
    }

    private static LeafCounts count(LeafReader reader) {
        try {
            Bits live = reader.getLiveDocs();
            SortedSetDocValues brand = DocValues.getSortedSet(reader, Fields.BRAND);
            long[] brandCounts = new long[(int) brand.getValueCount()];
            for (int doc = brand.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = brand.nextDoc()) {
                if (live == null || live.get(doc)) {
                    for (int i = 0; i < brand.docValueCount(); i++) {
                        brandCounts[(int) brand.nextOrd()]++;
                    }
                }
            }
            SortedDocValues category = DocValues.getSorted(reader, Fields.CATEGORY_LEAF);
            long[] categoryCounts = new long[category.getValueCount()];
            for (int doc = category.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = category.nextDoc()) {
                if (live == null || live.get(doc)) {
                    categoryCounts[category.ordValue()]++;
                }
            }
            Map<String, Long> brands = new HashMap<>();
            for (int ord = 0; ord < brandCounts.length; ord++) {
                if (brandCounts[ord] > 0) {
                    brands.put(brand.lookupOrd(ord).utf8ToString(), brandCounts[ord]);
                }
            }
            Map<String, Long> categories = new HashMap<>();
            for (int ord = 0; ord < categoryCounts.length; ord++) {
                if (categoryCounts[ord] > 0) {
                    categories.put(category.lookupOrd(ord).utf8ToString(), categoryCounts[ord]);
                }
            }
            return new LeafCounts(Map.copyOf(brands), Map.copyOf(categories));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
