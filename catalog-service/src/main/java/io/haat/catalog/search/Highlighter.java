package io.haat.catalog.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks the words of a product name that a query matched, as {@code <em>word</em>} in an HTML-escaped name: a word
 * as typed or with the same stem, the word being typed as a prefix, or a typo the rules allow.
 */
final class Highlighter {

    private final SearchAnalysis analysis;
    private final List<String> words;
    private final List<String> stems = new ArrayList<>();
    private final List<Set<String>> transpositions = new ArrayList<>();
    /** The stems of the names' words, each analysed once per query (a page of names repeats brands and nouns). */
    private final Map<String, String> tokenStems = new HashMap<>();

    Highlighter(SearchAnalysis analysis, List<String> words) {
        this.analysis = analysis;
        this.words = words;
        for (String word : words) {
            stems.add(analysis.stem(word));
            transpositions.add(TypoRules.transpositions(word));
        }
    }

    String highlight(String name) {
        if (name == null || words.isEmpty()) {
            return escape(name == null ? "" : name);
        }
        StringBuilder out = new StringBuilder();
        int[] position = {0};
        analysis.plainTokens(name, (token, start, end) -> {
            if (matches(token)) {
                out.append(escape(name.substring(position[0], start))).append("<em>")
                        .append(escape(name.substring(start, end))).append("</em>");
                position[0] = end;
            }
        });
        return out.append(escape(name.substring(position[0]))).toString();
    }

    private boolean matches(String token) {
        String tokenStem = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (token.equals(word) || transpositions.get(i).contains(token)) {
                return true;
            }
            if (i == words.size() - 1 && word.length() >= 2 && token.startsWith(word)) {
                return true;
            }
            tokenStem = tokenStem == null ? tokenStems.computeIfAbsent(token, analysis::stem) : tokenStem;
            if (tokenStem.equals(stems.get(i))) {
                return true;
            }
            int edits = TypoRules.maxEdits(word);
            if (edits > 0 && Math.abs(token.length() - word.length()) <= edits && distance(token, word) <= edits) {
                return true;
            }
        }
        return false;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and neighbour swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
