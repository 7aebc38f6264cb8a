package io.haat.notification.assistant;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a product question asks the catalog: the words that name the product, a price range (in minor units of
 * NPR: "under 3000" → at most 300000) and whether only products in stock will do. {@code explicit} says the
 * question was clearly about products (a price, "in stock", "do you have …").
 */
record ProductQuestion(String text, Long minPrice, Long maxPrice, boolean inStock, boolean explicit) {

    private static final String AMOUNT = "(?:rs\\.?|npr|nrs\\.?|रु)?\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(k)?\\s*(?:rs|rupees|npr)?";
    private static final Pattern BETWEEN = Pattern.compile("\\bbetween\\s+" + AMOUNT + "\\s+(?:and|to|-)\\s+" + AMOUNT);
    private static final Pattern AT_MOST = Pattern.compile(
            "(?:\\bunder|\\bbelow|\\bless than|\\bcheaper than|\\bup to|\\bupto|\\bwithin|\\bmax(?:imum)?|\\bat most|<)\\s*"
                    + AMOUNT);
    private static final Pattern AT_LEAST = Pattern.compile(
            "(?:\\bover|\\babove|\\bmore than|\\bat least|\\bmin(?:imum)?|\\bfrom|>)\\s*" + AMOUNT);
    private static final Pattern IN_STOCK = Pattern.compile(
            "\\b(in stock|in-stock|still available|left in stock)\\b");
    private static final Pattern ASKING_FOR_PRODUCTS = Pattern.compile(
            "^(do you (have|sell|carry)|have you got|show me|i am looking for|im looking for|looking for|find me|"
                    + "find|search for|search|i want to buy|want to buy|buy)\\b");
    private static final Set<String> FILLER = Set.of("a", "an", "the", "is", "are", "do", "does", "you", "have",
            "sell", "carry", "show", "me", "i", "am", "im", "looking", "for", "find", "search", "want", "to", "buy",
            "any", "some", "please", "price", "prices", "availability", "cheap", "rs", "npr", "of", "in", "stock", "available",
            "there", "still", "it", "that", "this", "with", "and", "or", "what", "which", "how", "much", "your",
            "products", "product", "items", "item", "got", "can", "get", "left");

    static ProductQuestion parse(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT).strip();
        Long min = null;
        Long max = null;
        Matcher between = BETWEEN.matcher(text);
        if (between.find()) {
            min = minor(between.group(1), between.group(2));
            max = minor(between.group(3), between.group(4));
            text = text.replace(between.group(), " ");
        }
        Matcher atMost = AT_MOST.matcher(text);
        if (atMost.find()) {
            max = minor(atMost.group(1), atMost.group(2));
            text = text.replace(atMost.group(), " ");
        }
        Matcher atLeast = AT_LEAST.matcher(text);
        if (atLeast.find()) {
            min = minor(atLeast.group(1), atLeast.group(2));
            text = text.replace(atLeast.group(), " ");
        }
        boolean inStock = IN_STOCK.matcher(text).find();
        boolean asking = ASKING_FOR_PRODUCTS.matcher(text).find();
        StringBuilder words = new StringBuilder();
        for (String word : text.replaceAll("[^\\p{L}\\p{N}-]+", " ").strip().split(" ")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                words.append(words.isEmpty() ? "" : " ").append(word);
            }
        }
        return new ProductQuestion(words.toString(), min, max, inStock, asking || inStock || min != null || max != null);
    }

    boolean names() {
        return !text.isBlank();
    }

    private static long minor(String amount, String thousands) {
        double value = Double.parseDouble(amount.replace(",", ""));
        if (thousands != null) {
            value *= 1000;
        }
        return Math.round(value * 100);
    }
}
