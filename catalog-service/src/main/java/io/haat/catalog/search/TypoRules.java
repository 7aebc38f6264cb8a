package io.haat.catalog.search;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How many typos a query word may have, by its length (the rules of Meilisearch/Typesense and Elasticsearch's
 * {@code fuzziness: AUTO}): none under 5 letters, except one swap of two neighbouring letters after the first
 * ("iphoen" style mistakes on short words: "sohe" finds "shoe"); 1 edit from 5 letters; 2 edits from 9.
 */
final class TypoRules {

    static final int ONE_TYPO_FROM = 5;
    static final int TWO_TYPOS_FROM = 9;

    private TypoRules() {
    }

    static int maxEdits(String word) {
        int length = word.codePointCount(0, word.length());
        return length >= TWO_TYPOS_FROM ? 2 : length >= ONE_TYPO_FROM ? 1 : 0;
    }

    /**
     * The words a short word may have been meant as: each swap of two neighbouring letters, the first letter kept.
     * Empty for one- and two-letter words and for words long enough for edits.
     */
    static Set<String> transpositions(String word) {
        Set<String> variants = new LinkedHashSet<>();
        if (maxEdits(word) > 0 || word.length() < 3) {
            return variants;
        }
        char[] chars = word.toCharArray();
        for (int i = 1; i + 1 < chars.length; i++) {
            if (chars[i] != chars[i + 1]) {
                char[] swapped = chars.clone();
                swapped[i] = chars[i + 1];
                swapped[i + 1] = chars[i];
                variants.add(new String(swapped));
            }
        }
        return variants;
    }
}
