package io.haat.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The indexed words within a number of typos of a query word, found without building Levenshtein automata: a
 * {@code FuzzyQuery} (and the {@code DirectSpellChecker}) build two to three automata per word and query (the
 * largest part of a typo query's time, JFR showed), while a field's words are few enough to hold per segment,
 * bucketed by length, with a 64-bit letter signature that rules out nearly every word in two instructions before the
 * exact distance is computed. The distance is the one Lucene's automata accept (Levenshtein with transpositions of
 * neighbours, as optimal string alignment), on code points, so the words found, and their boosts, are exactly those
 * of {@code FuzzyQuery}; {@code TypoTermsTest} compares both on random words, and the spelling correction with
 * {@code DirectSpellChecker}'s.
 *
 * <p>Held per segment core (a refresh reads only new segments; a merged-away segment's words are dropped when it
 * closes), per field: at 100,000 products a few MB.
 */
final class TypoTerms {

    /** An indexed word, its number of edits from the query word and its {@code FuzzyQuery} boost. */
    record Match(BytesRef term, String text, int edits, float similarity) {
    }

    /** Like {@code DirectSpellChecker}'s defaults, as {@link SearchEngine} used it. */
    private static final int SPELL_MIN_LENGTH = 3;
    private static final int SPELL_PREFIX = 1;
    private static final int SPELL_INSPECTIONS = 5;
    private static final float SPELL_ACCURACY = 0.5f;

    private final Map<Object, Map<String, LeafWords>> leaves = new ConcurrentHashMap<>();

    /**
     * The words of {@code field} within {@code maxEdits} of {@code word} whose first {@code prefixLength} code points
     * are the word's, in term order, as a {@code FuzzyQuery} with these parameters (and transpositions) enumerates
     * them.
     */
    List<Match> within(IndexReader reader, String field, String word, int maxEdits, int prefixLength) throws IOException {
        int[] typed = word.codePoints().toArray();
        int prefix = Math.min(prefixLength, typed.length);
        TreeMap<BytesRef, Match> found = new TreeMap<>();
        Scratch scratch = new Scratch(typed.length + maxEdits + 1);
        long signature = signature(typed);
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafWords words = words(leaf.reader(), field);
            int shortest = Math.max(0, typed.length - maxEdits);
            int longest = Math.min(words.byLength.length - 1, typed.length + maxEdits);
            for (int length = shortest; length <= longest; length++) {
                for (int index : words.byLength[length]) {
                    long other = words.signatures[index];
                    if (Long.bitCount(signature & ~other) > maxEdits || Long.bitCount(other & ~signature) > maxEdits) {
                        continue;
                    }
                    int[] candidate = words.codePoints[index];
                    if (!samePrefix(typed, candidate, prefix)) {
                        continue;
                    }
                    int edits = distance(typed, candidate, maxEdits, scratch);
                    if (edits <= maxEdits) {
                        BytesRef term = words.terms[index];
                        found.computeIfAbsent(term, t -> new Match(t, t.utf8ToString(), edits,
                                similarity(edits, candidate.length, typed.length)));
                    }
                }
            }
            // words longer than the buckets (over 64 code points) are compared one by one
            for (int index : words.longer) {
                int[] candidate = words.codePoints[index];
                if (Math.abs(candidate.length - typed.length) <= maxEdits && samePrefix(typed, candidate, prefix)) {
                    int edits = distance(typed, candidate, maxEdits, new Scratch(candidate.length + 1));
                    if (edits <= maxEdits) {
                        BytesRef term = words.terms[index];
                        found.computeIfAbsent(term, t -> new Match(t, t.utf8ToString(), edits,
                                similarity(edits, candidate.length, typed.length)));
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The closest indexed word of {@code field} to a word no document contains, chosen as {@code DirectSpellChecker}
     * (its defaults, minimum query length 3, {@code SUGGEST_WHEN_NOT_IN_INDEX}, one suggestion) chooses it: the first
     * letter kept, within one edit, or within {@code maxEdits} when one edit finds fewer than 5 words; the most similar
     * (at least 0.5), then the most frequent, then the first in alphabetical order. Null when there is none, or the
     * word itself is indexed.
     */
    String correction(IndexReader reader, String field, String word, int maxEdits) throws IOException {
        String text = word.toLowerCase(Locale.ROOT);
        if (text.codePointCount(0, text.length()) < SPELL_MIN_LENGTH || reader.docFreq(new Term(field, text)) > 0) {
            return null;
        }
        List<Match> candidates = within(reader, field, text, Math.max(1, maxEdits), SPELL_PREFIX);
        List<Match> inspected = new ArrayList<>(inspect(candidates, text, 1));
        if (maxEdits > 1 && inspected.size() < SPELL_INSPECTIONS) {
            for (Match match : inspect(candidates, text, maxEdits)) {
                if (!inspected.contains(match)) {
                    inspected.add(match);
                }
            }
        }
        Match best = null;
        int bestFrequency = 0;
        for (Match match : inspected) {
            int frequency = reader.docFreq(new Term(field, match.term()));
            if (best == null || match.similarity() > best.similarity()
                    || match.similarity() == best.similarity() && (frequency > bestFrequency
                    || frequency == bestFrequency && match.text().compareTo(best.text()) < 0)) {
                best = match;
                bestFrequency = frequency;
            }
        }
        return best == null ? null : best.text();
    }

    /**
     * One pass of the spell checker: the candidates within {@code edits}, but the word itself and those below the
     * accuracy, kept as its queue keeps them: the 5 most similar, the first in term order among equals.
     */
    private static List<Match> inspect(List<Match> candidates, String word, int edits) {
        return candidates.stream()
                .filter(m -> m.edits() <= edits && m.edits() > 0 && !m.text().equals(word)
                        && m.similarity() >= SPELL_ACCURACY)
                .sorted(Comparator.comparing(Match::similarity).reversed().thenComparing(Match::term))
                .limit(SPELL_INSPECTIONS).toList();
    }

    /** {@code FuzzyTermsEnum}'s boost: 1 for the word itself, else 1 - edits / the shorter length in code points. */
    static float similarity(int edits, int candidateLength, int typedLength) {
        if (edits == 0) {
            return 1.0f;
        }
        int shorter = Math.min(candidateLength, typedLength);
        return 1.0f - (float) edits / (float) shorter;
    }

    private static boolean samePrefix(int[] typed, int[] candidate, int prefix) {
        if (candidate.length < prefix) {
            return false;
        }
        for (int i = 0; i < prefix; i++) {
            if (typed[i] != candidate[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reusable rows for {@link #distance}. */
    private static final class Scratch {
        int[] twoBack;
        int[] previous;
        int[] current;

        Scratch(int size) {
            twoBack = new int[size];
            previous = new int[size];
            current = new int[size];
        }

        void ensure(int size) {
            if (current.length < size) {
                twoBack = new int[size];
                previous = new int[size];
                current = new int[size];
            }
        }
    }

    /**
     * Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours) of two code point
     * sequences, or {@code max + 1} as soon as it must exceed {@code max} (a row all above it: later rows only grow).
     */
    static int distance(int[] a, int[] b, int max, Scratch scratch) {
        int n = a.length;
        int m = b.length;
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        scratch.ensure(m + 1);
        int[] twoBack = scratch.twoBack;
        int[] previous = scratch.previous;
        int[] current = scratch.current;
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        scratch.twoBack = twoBack;
        scratch.previous = previous;
        scratch.current = current;
        return previous[m];
    }

    static int distance(String a, String b, int max) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return distance(x, y, max, new Scratch(y.length + 1));
    }

    /**
     * Which letters a word has, as a set of 64 bits (a–z, 0–9, any other code point folded onto the rest): a word
     * within k edits of another lacks at most k of its letters and has at most k it lacks. Folding only merges
     * letters, so the test never rules out a word within reach.
     */
    static long signature(int[] codePoints) {
        long bits = 0;
        for (int c : codePoints) {
            int bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 36 + Math.floorMod(c, 28);
            bits |= 1L << bit;
        }
        return bits;
    }

    /** The words of one segment's field, bucketed by length in code points. */
    private static final class LeafWords {
        static final int BUCKETS = 65;

        final BytesRef[] terms;
        final int[][] codePoints;
        final long[] signatures;
        final int[][] byLength;
        final int[] longer;

        LeafWords(List<BytesRef> words) {
            int count = words.size();
            terms = words.toArray(new BytesRef[0]);
            codePoints = new int[count][];
            signatures = new long[count];
            int[] perLength = new int[BUCKETS];
            int longerCount = 0;
            for (int i = 0; i < count; i++) {
                codePoints[i] = terms[i].utf8ToString().codePoints().toArray();
                signatures[i] = signature(codePoints[i]);
                if (codePoints[i].length < BUCKETS) {
                    perLength[codePoints[i].length]++;
                } else {
                    longerCount++;
                }
            }
            byLength = new int[BUCKETS][];
            for (int length = 0; length < BUCKETS; length++) {
                byLength[length] = new int[perLength[length]];
            }
            longer = new int[longerCount];
            int[] filled = new int[BUCKETS];
            int longerFilled = 0;
            for (int i = 0; i < count; i++) {
                int length = codePoints[i].length;
                if (length < BUCKETS) {
                    byLength[length][filled[length]++] = i;
                } else {
                    longer[longerFilled++] = i;
                }
            }
        }
    }

    private LeafWords words(LeafReader reader, String field) throws IOException {
        var helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return read(reader, field);
        }
        Map<String, LeafWords> fields = leaves.get(helper.getKey());
        if (fields == null) {
            fields = new ConcurrentHashMap<>();
            Map<String, LeafWords> raced = leaves.putIfAbsent(helper.getKey(), fields);
            if (raced == null) {
                helper.addClosedListener(leaves::remove);
            } else {
                fields = raced;
            }
        }
        LeafWords words = fields.get(field);
        if (words == null) {
            words = read(reader, field);
            fields.putIfAbsent(field, words);
        }
        return words;
    }

    private static LeafWords read(LeafReader reader, String field) throws IOException {
        List<BytesRef> words = new ArrayList<>();
        Terms terms = reader.terms(field);
        if (terms != null) {
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                words.add(BytesRef.deepCopyOf(term));
            }
        }
        return new LeafWords(words);
    }

    /** For tests: how many segments' words are held. */
    int heldSegments() {
        return leaves.size();
    }
}
