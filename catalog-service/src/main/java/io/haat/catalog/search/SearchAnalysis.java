package io.haat.catalog.search;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The analysis chains of the search index. Every chain tokenizes with the standard tokenizer, lower-cases and
 * folds accents to ASCII. {@code text} fields (name, brand, category, attributes, description) then expand the
 * repository's synonyms ({@code search/synonyms.txt}, at index time, so queries stay single terms) and stem
 * (Porter); {@code plain} fields keep the words as written, for typo matching, prefixes and the spell checker;
 * {@code ngram} fields hold each word's first 1..20 characters, for autocomplete.
 */
final class SearchAnalysis {

    static final String SYNONYMS = "search/synonyms.txt";

    private final Analyzer plain = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, folded(source));
        }
    };

    private final Analyzer stemmed = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(new EnglishPossessiveFilter(folded(source))));
        }
    };

    private final Analyzer indexText;
    private final Analyzer ngram = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new EdgeNGramTokenFilter(folded(source), 1, 20, true));
        }
    };
    private final Analyzer indexing;

    SearchAnalysis() {
        SynonymMap synonyms = loadSynonyms(plain);
        indexText = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new FlattenGraphFilter(new SynonymGraphFilter(folded(source), synonyms, true));
                return new TokenStreamComponents(source, new PorterStemFilter(new EnglishPossessiveFilter(stream)));
            }
        };
        indexing = new PerFieldAnalyzerWrapper(indexText, java.util.Map.of(
                Fields.NAME_PLAIN, plain, Fields.BRAND_PLAIN, plain, Fields.CATEGORY_PLAIN, plain,
                Fields.ATTRIBUTES_PLAIN, plain, Fields.SPELL, plain, Fields.TYPO, plain,
                Fields.SUGGEST_NAME, ngram, Fields.SUGGEST_BRAND, ngram, Fields.SUGGEST_CATEGORY, ngram));
    }

    /** The analyzer the index writer uses: by field. */
    Analyzer indexing() {
        return indexing;
    }

    /** The words of {@code text} as written (lower-cased, ASCII-folded). */
    List<String> words(String text) {
        List<String> words = new ArrayList<>();
        forEachToken(plain, text, (term, start, end) -> words.add(term));
        return words;
    }

    /** The stem of one word, as the {@code text} fields index it. */
    String stem(String word) {
        List<String> stems = new ArrayList<>();
        forEachToken(stemmed, word, (term, start, end) -> stems.add(term));
        return stems.isEmpty() ? word : stems.getFirst();
    }

    interface TokenSink {
        void accept(String term, int start, int end);
    }

    /** The plain words of {@code text} with their offsets, for highlighting. */
    void plainTokens(String text, TokenSink sink) {
        forEachToken(plain, text, sink);
    }

    private static void forEachToken(Analyzer analyzer, String text, TokenSink sink) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.accept(term.toString(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TokenStream folded(Tokenizer source) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(source));
    }

    private static SynonymMap loadSynonyms(Analyzer analyzer) {
        var resource = SearchAnalysis.class.getClassLoader().getResourceAsStream(SYNONYMS);
        if (resource == null) {
            throw new IllegalStateException(SYNONYMS + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(SYNONYMS + " is malformed: " + e.getMessage(), e);
        }
    }
}
