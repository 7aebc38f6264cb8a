package io.haat.notification.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * BM25 over the FAQ's questions: every paraphrase is a document, an entry scores as its best paraphrase. A match is
 * trusted only when it is strong enough ({@code minScore}) and covers most of what the question asked
 * ({@code minCoverage}: the share of the question's term weight, by idf, that the paraphrase contains; words the FAQ
 * has never seen — product names, places — weigh like an everyday word), so "red shawl under 3000" does not pass for a shipping question.
 */
public final class FaqIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** Words the FAQ never uses (product names, places) count, but less than any FAQ word. */
    private static final double UNKNOWN_TERM_WEIGHT = 1.0;
    private static final double SINGLE_TERM_COVERAGE = 0.7;

    private final List<FaqEntry> entries;
    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;
    private final double minScore;
    private final double minCoverage;

    private record Doc(FaqEntry entry, List<String> terms) {
    }

    /** A match and how sure the index is of it. */
    public record Match(FaqEntry entry, double score, double coverage, boolean confident) {
    }

    FaqIndex(List<FaqEntry> entries, double minScore, double minCoverage) {
        this.entries = List.copyOf(entries);
        this.minScore = minScore;
        this.minCoverage = minCoverage;
        long totalLength = 0;
        for (FaqEntry entry : entries) {
            for (String question : entry.questions()) {
                List<String> terms = QuestionAnalyzer.terms(question);
                docs.add(new Doc(entry, terms));
                totalLength += terms.size();
                new HashSet<>(terms).forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            }
        }
        this.averageLength = docs.isEmpty() ? 1 : (double) totalLength / docs.size();
    }

    /** Loads the curated FAQ from a YAML resource ({@code faqs: [{id, questions, answer, links}]}). */
    @SuppressWarnings("unchecked")
    public static FaqIndex load(InputStream yaml, double minScore, double minCoverage) {
        try (yaml) {
            Map<String, Object> root = new Yaml().load(yaml);
            List<FaqEntry> entries = new ArrayList<>();
            for (Map<String, Object> faq : (List<Map<String, Object>>) root.get("faqs")) {
                List<Link> links = ((List<Map<String, String>>) faq.getOrDefault("links", List.of())).stream()
                        .map(link -> new Link(link.get("title"), link.get("href"))).toList();
                entries.add(new FaqEntry((String) faq.get("id"), List.copyOf((List<String>) faq.get("questions")),
                        ((String) faq.get("answer")).strip(), links));
            }
            return new FaqIndex(entries, minScore, minCoverage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<FaqEntry> entries() {
        return entries;
    }

    /** The best entry for the question, if any paraphrase shares a term with it. */
    public Optional<Match> best(String question) {
        Set<String> query = new LinkedHashSet<>(QuestionAnalyzer.terms(question));
        if (query.isEmpty()) {
            return Optional.empty();
        }
        double queryWeight = query.stream().mapToDouble(this::weight).sum();
        Match best = null;
        for (Doc doc : docs) {
            double score = 0;
            double covered = 0;
            int matched = 0;
            for (String term : query) {
                long frequency = doc.terms().stream().filter(term::equals).count();
                if (frequency == 0) {
                    continue;
                }
                double idf = idf(term);
                score += idf * frequency * (K1 + 1)
                        / (frequency + K1 * (1 - B + B * doc.terms().size() / averageLength));
                covered += idf;
                matched++;
            }
            if (score > 0 && (best == null || score > best.score())) {
                double coverage = covered / queryWeight;
                // one shared word is a weak sign ("singing bowl price" is not "shipping cost"): it must carry most
                // of the question
                double needed = matched == 1 && query.size() > 1 ? Math.max(minCoverage, SINGLE_TERM_COVERAGE)
                        : minCoverage;
                best = new Match(doc.entry(), score, coverage, score >= minScore && coverage >= needed);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A term's share of a question: its idf if the FAQ knows it, else that of an everyday word. */
    private double weight(String term) {
        return documentFrequency.containsKey(term) ? idf(term) : UNKNOWN_TERM_WEIGHT;
    }

    private double idf(String term) {
        int n = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (docs.size() - n + 0.5) / (n + 0.5));
    }
}
