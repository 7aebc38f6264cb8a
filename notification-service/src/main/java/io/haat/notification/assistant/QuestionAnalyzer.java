package io.haat.notification.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a question into the terms the FAQ index compares: lower case, known phrases joined ("cash on delivery" →
 * {@code cod}), punctuation and stop words dropped, a light English stemmer ("deliveries" → "delivery",
 * "returned" → "return"), and synonyms folded onto one term ("shipping", "courier", "parcel" → {@code ship}).
 */
final class QuestionAnalyzer {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Phrases replaced before splitting into words. */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("cash on delivery", "cod"), Map.entry("pay on delivery", "cod"),
            Map.entry("when the parcel arrives", "cod"), Map.entry("sign up", "register"),
            Map.entry("log in", "login"), Map.entry("sign in", "login"), Map.entry("money back", "refund"),
            Map.entry("send back", "return"), Map.entry("send something back", "return"),
            Map.entry("e sewa", "esewa"), Map.entry("customer service", "support"),
            Map.entry("customer care", "support"), Map.entry("promo code", "coupon"),
            Map.entry("discount code", "coupon"), Map.entry("voucher code", "coupon"),
            Map.entry("phone number", "phone"), Map.entry("mobile number", "phone"),
            Map.entry("credit card", "card"), Map.entry("debit card", "card"), Map.entry("vat bill", "invoice"),
            Map.entry("how long", "time"), Map.entry("how many days", "time"), Map.entry("how fast", "time"),
            Map.entry("how much", "cost"), Map.entry("outside kathmandu", "area"), Map.entry("mobile wallet", "wallet"),
            Map.entry("real person", "person"), Map.entry("human", "person"));

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "is", "are", "am", "was", "were", "be", "been", "do", "does", "did", "i", "me", "my",
            "mine", "you", "your", "we", "us", "our", "it", "its", "to", "of", "for", "in", "on", "at", "by", "with",
            "and", "or", "can", "could", "would", "should", "will", "shall", "how", "what", "when", "which", "who",
            "why", "there", "this", "that", "these", "those", "please", "if", "from", "any", "some", "have", "has",
            "had", "get", "got", "gets", "so", "just", "about", "up", "into", "as", "than", "then", "also", "hi", "hello",
            "hey", "thanks", "thank", "want", "need", "like", "way", "ways", "haat", "here", "where", "im", "let",
            "know", "tell", "still", "not", "after", "never", "put", "take", "cant", "thing", "until", "go", "going",
            "possible", "able", "someone", "anyone", "one", "cannot", "unable");

    /** Synonyms, after stemming, onto one term. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("shipping", "ship"), Map.entry("shipment", "ship"), Map.entry("deliver", "ship"),
            Map.entry("delivery", "ship"), Map.entry("courier", "ship"), Map.entry("parcel", "ship"),
            Map.entry("package", "ship"), Map.entry("dispatch", "ship"), Map.entry("post", "ship"),
            Map.entry("reimburse", "refund"), Map.entry("reimbursement", "refund"), Map.entry("repay", "refund"),
            Map.entry("payment", "pay"), Map.entry("paying", "pay"), Map.entry("paid", "pay"),
            Map.entry("price", "cost"), Map.entry("fee", "cost"), Map.entry("charge", "cost"),
            Map.entry("expensive", "cost"), Map.entry("free", "cost"), Map.entry("cancellation", "cancel"),
            Map.entry("khalti", "wallet"), Map.entry("esewa", "wallet"), Map.entry("visa", "card"),
            Map.entry("mastercard", "card"), Map.entry("option", "method"), Map.entry("mode", "method"), Map.entry("password", "password"), Map.entry("pwd", "password"),
            Map.entry("passcode", "password"), Map.entry("signup", "register"), Map.entry("profile", "account"),
            Map.entry("broken", "damage"), Map.entry("defective", "damage"), Map.entry("faulty", "damage"),
            Map.entry("damaged", "damage"), Map.entry("swap", "exchange"), Map.entry("replace", "exchange"),
            Map.entry("track", "track"), Map.entry("tracking", "track"), Map.entry("follow", "track"),
            Map.entry("status", "track"), Map.entry("genuine", "authentic"), Map.entry("original", "authentic"),
            Map.entry("fake", "authentic"), Map.entry("counterfeit", "authentic"), Map.entry("receipt", "invoice"),
            Map.entry("bill", "invoice"), Map.entry("abroad", "international"), Map.entry("overseas", "international"),
            Map.entry("internationally", "international"), Map.entry("city", "area"), Map.entry("town", "area"),
            Map.entry("district", "area"), Map.entry("location", "area"), Map.entry("arrive", "time"),
            Map.entry("day", "time"), Map.entry("quick", "time"), Map.entry("fast", "time"),
            Map.entry("promo", "coupon"), Map.entry("discount", "coupon"), Map.entry("voucher", "coupon"),
            Map.entry("offer", "coupon"), Map.entry("contact", "support"), Map.entry("agent", "person"),
            Map.entry("seller", "sell"), Map.entry("vendor", "sell"), Map.entry("shop", "store"),
            Map.entry("review", "review"), Map.entry("rate", "review"), Map.entry("rating", "review"),
            Map.entry("declined", "fail"), Map.entry("failed", "fail"), Map.entry("deducted", "fail"),
            Map.entry("confirm", "verify"), Map.entry("confirmation", "verify"), Map.entry("verification", "verify"),
            Map.entry("remove", "delete"), Map.entry("close", "delete"), Map.entry("update", "change"),
            Map.entry("edit", "change"), Map.entry("wrong", "wrong"), Map.entry("forgot", "forget"),
            Map.entry("forgotten", "forget"), Map.entry("cash", "cod"));

    private QuestionAnalyzer() {
    }

    static List<String> terms(String text) {
        if (text == null) {
            return List.of();
        }
        String normalised = " " + NOT_WORD.matcher(text.toLowerCase(Locale.ROOT).replace("'", ""))
                .replaceAll(" ").strip() + " ";
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            normalised = normalised.replace(" " + phrase.getKey() + " ", " " + phrase.getValue() + " ");
        }
        List<String> terms = new ArrayList<>();
        for (String word : normalised.strip().split(" ")) {
            if (word.length() < 2 || STOP_WORDS.contains(word)) {
                continue;
            }
            String synonym = SYNONYMS.get(word);
            if (synonym == null) {
                String stem = stem(word);
                synonym = SYNONYMS.getOrDefault(stem, stem);
            }
            terms.add(synonym);
        }
        return terms;
    }

    /** A light suffix stripper: plural, past tense and gerund forms onto the bare word. */
    static String stem(String word) {
        if (word.length() <= 3 || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("ing") && word.length() > 5) {
            return undouble(word.substring(0, word.length() - 3));
        }
        if (word.endsWith("ed") && word.length() > 4) {
            return undouble(word.substring(0, word.length() - 2));
        }
        if (word.endsWith("es") && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
