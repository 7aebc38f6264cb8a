package io.haat.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TypoTerms} replaces Lucene's automata without changing a result: on a random index of near-identical words
 * (several segments, deleted documents, accented, Devanagari and supplementary characters), a {@link TypoQuery} over
 * the words it finds scores every document exactly as {@code FuzzyQuery} does, for 1 and 2 edits, with and without
 * the first letter kept, with a full and a small expansion queue; and its spelling correction is the one
 * {@code DirectSpellChecker} makes, as {@link SearchEngine} used it. {@link PrefixTermsQuery} matches as
 * {@code PrefixQuery}.
 */
class TypoTermsTest {

    private static final String FIELD = "words";
    private static final String[] EXTRA = {"café", "cafe", "naïve", "naive", "नेपाल", "नेपल", "𝒜bcde", "abcde",
            "shawl", "shawls", "shall", "samsung", "samsong", "galaxy", "galaxi", "tshirt", "t1000", "a123", "a132"};

    private final Random random = new Random(7);
    private Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private final List<String> vocabulary = new ArrayList<>();

    @BeforeEach
    void index() throws IOException {
        for (int i = 0; i < 400; i++) {
            vocabulary.add(randomWord());
        }
        vocabulary.addAll(List.of(EXTRA));
        directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                .setMaxBufferedDocs(40).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int doc = 0; doc < 600; doc++) {
                StringBuilder text = new StringBuilder();
                for (int w = 1 + random.nextInt(6); w > 0; w--) {
                    text.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
                }
                Document document = new Document();
                document.add(new StringField("id", Integer.toString(doc), Field.Store.NO));
                document.add(new TextField(FIELD, text.toString(), Field.Store.NO));
                writer.addDocument(document);
            }
            for (int doc = 0; doc < 600; doc += 7) {
                writer.deleteDocuments(new Term("id", Integer.toString(doc)));
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        assertThat(reader.leaves()).hasSizeGreaterThan(5);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void typoQueriesScoreExactlyAsFuzzyQueries() throws IOException {
        TypoTerms typos = new TypoTerms();
        int compared = 0;
        int matching = 0;
        for (String word : queryWords()) {
            for (int edits = 1; edits <= 2; edits++) {
                for (int prefix = 0; prefix <= 1; prefix++) {
                    for (int expansions : new int[] {50, 3}) {
                        Query fuzzy = new FuzzyQuery(new Term(FIELD, word), edits, prefix, expansions, true);
                        Query typo = new TypoQuery(FIELD, word, typos.within(reader, FIELD, word, edits, prefix), expansions);
                        TopDocs expected = searcher.search(fuzzy, reader.maxDoc());
                        TopDocs actual = searcher.search(typo, reader.maxDoc());
                        assertThat(render(actual)).as("%s, %d edits, prefix %d, %d expansions", word, edits, prefix,
                                expansions).isEqualTo(render(expected));
                        compared++;
                        matching += expected.scoreDocs.length > 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(600);
        assertThat(matching).as("queries that matched something").isGreaterThan(compared / 2);
    }

    @Test
    void correctionsAreTheSpellCheckers() throws IOException {
        TypoTerms typos = new TypoTerms();
        int corrected = 0;
        for (String word : queryWords()) {
            int maxEdits = Math.max(1, TypoRules.maxEdits(word));
            DirectSpellChecker spelling = new DirectSpellChecker();
            spelling.setMinQueryLength(3);
            spelling.setMaxEdits(maxEdits);
            SuggestWord[] suggestions = spelling.suggestSimilar(new Term(FIELD, word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            String expected = suggestions.length == 0 ? null : suggestions[0].string;
            assertThat(typos.correction(reader, FIELD, word, maxEdits)).as(word).isEqualTo(expected);
            corrected += expected == null ? 0 : 1;
        }
        assertThat(corrected).isGreaterThan(12);
    }

    @Test
    void prefixTermsMatchAsPrefixQueries() throws IOException {
        List<String> prefixes = new ArrayList<>(List.of("", "a", "ca", "caf", "नेप", "𝒜", "zzz"));
        for (int i = 0; i < 60; i++) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            prefixes.add(word.substring(0, 1 + random.nextInt(word.length())));
        }
        for (String prefix : prefixes) {
            TopDocs expected = searcher.search(new PrefixQuery(new Term(FIELD, prefix)), reader.maxDoc());
            TopDocs actual = searcher.search(new PrefixTermsQuery(new Term(FIELD, prefix)), reader.maxDoc());
            assertThat(render(actual)).as(prefix).isEqualTo(render(expected));
        }
    }

    @Test
    void distanceIsOptimalStringAlignment() {
        assertThat(TypoTerms.distance("shawl", "shawll", 2)).isEqualTo(1);
        assertThat(TypoTerms.distance("iphone", "iphnoe", 2)).isEqualTo(1); // a swap is one edit
        assertThat(TypoTerms.distance("ca", "abc", 3)).isEqualTo(3); // optimal string alignment, not Damerau
        assertThat(TypoTerms.distance("samsung", "galaxy", 2)).isEqualTo(3); // beyond the bound: bound + 1
        assertThat(TypoTerms.distance("𝒜bcde", "abcde", 2)).isEqualTo(1); // code points, not chars
    }

    private List<String> queryWords() {
        List<String> words = new ArrayList<>(List.of(EXTRA));
        for (int i = 0; i < 60; i++) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            for (int typos = random.nextInt(4); typos > 0; typos--) {
                word = typo(word);
            }
            words.add(word);
        }
        for (int i = 0; i < 20; i++) {
            words.add(randomWord());
        }
        return words;
    }

    private String randomWord() {
        String letters = "aeinorstbc01";
        StringBuilder word = new StringBuilder();
        for (int length = 2 + random.nextInt(10); length > 0; length--) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private String typo(String word) {
        if (word.length() < 2) {
            return word + "e";
        }
        int at = random.nextInt(word.length() - 1);
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case 2 -> word.substring(0, at) + "aeinors".charAt(random.nextInt(7)) + word.substring(at + 1);
            default -> word.substring(0, at) + "aeinors".charAt(random.nextInt(7)) + word.substring(at);
        };
    }

    private static List<String> render(TopDocs top) {
        List<String> rendered = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            rendered.add(hit.doc + ":" + hit.score);
        }
        return rendered;
    }
}
