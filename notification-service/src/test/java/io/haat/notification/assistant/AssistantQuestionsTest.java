package io.haat.notification.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The assistant against questions worded the way customers write them (none copied from faq.yml), each with the
 * answer it must give: {@code faq:<id>}, {@code product:<name>} (the first product offered, from a small in-memory
 * catalog that filters by price and stock like catalog search), {@code orders} or {@code unsure}. Prints the hit rate.
 */
class AssistantQuestionsTest {

    private static final List<CatalogSearchClient.Product> CATALOG = List.of(
            product("Red Pashmina Shawl", 2_500, true), product("Red Silk Shawl", 4_500, true),
            product("Blue Pashmina Shawl", 2_800, false), product("iPhone 15 Case", 1_200, true),
            product("iPhone 13 Case", 900, false), product("Blue Cotton Kurta", 1_800, true),
            product("Dhaka Topi", 700, true), product("Singing Bowl", 3_500, true),
            product("Lokta Paper Notebook", 400, true));
    private static final List<String> SEARCHES = new ArrayList<>();
    private static final AtomicInteger ASKED = new AtomicInteger();
    private static final AtomicInteger HIT = new AtomicInteger();

    private final Assistant assistant = new Assistant(AssistantConfiguration.faq(), AssistantQuestionsTest::search,
            size -> new OrderHistoryClient.OrderPage(List.of(new OrderHistoryClient.Order(
                    "7f9c2a10-0000-0000-0000-000000000001", "SHIPPED", new Money(250_000, "NPR"), 1,
                    Instant.parse("2026-12-01T10:00:00Z"))), 1),
            new AssistantProperties(3, 3, 20));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            what do you charge for delivery?                 | faq:shipping-cost
            is shipping free??                               | faq:shipping-cost
            how much is the courier fee to Lalitpur          | faq:shipping-cost
            how long until my package gets here              | faq:shipping-time
            how many days does delivery take to Biratnagar   | faq:shipping-time
            do you ship to Pokhara                           | faq:shipping-areas
            can I get things delivered to the USA, overseas? | faq:shipping-areas
            where can I find the tracking number             | faq:shipping-tracking
            I typed the wrong delivery address               | faq:shipping-address-change
            what's the returns policy                        | faq:returns-policy
            can products be returned?                        | faq:returns-policy
            how can I send back a jacket                     | faq:returns-how
            how do I start a return                          | faq:returns-how
            when do I get my money back                      | faq:refund-time
            refund still not received after a week           | faq:refund-time
            the mug I got was broken                         | faq:damaged-item
            received a faulty charger                        | faq:damaged-item
            can I swap these shoes for a bigger size         | faq:exchange
            which payment options do you have                | faq:payment-methods
            can I pay using eSewa                            | faq:payment-wallet
            is Khalti accepted                               | faq:payment-wallet
            do you take visa cards                           | faq:payment-card
            my card payment got declined                     | faq:payment-failed
            is cash on delivery possible                     | faq:cod-available
            can I pay in cash                                | faq:cod-available
            any extra charge for COD?                        | faq:cod-fee
            how to sign up                                   | faq:account-create
            forgot password                                  | faq:account-password
            can't log in to my account                       | faq:account-password
            never got the confirmation mail                  | faq:account-verify-email
            how to change my mobile number                   | faq:account-update
            please delete my account                         | faq:account-delete
            cancel my order                                  | faq:order-cancel
            where do I put a promo code                      | faq:coupons
            I want to sell my handicrafts on Haat            | faq:sell-on-haat
            how can I rate a product I bought                | faq:reviews
            how do I talk to a human                         | faq:contact-support
            is this bag original?                            | faq:product-authentic
            I need an invoice for my order                   | faq:invoice
            red shawl under 3000                             | product:Red Pashmina Shawl
            red shawl below Rs 5,000                         | product:Red Pashmina Shawl
            any pashmina shawl between 2000 and 3000         | product:Red Pashmina Shawl
            is the iPhone case in stock                      | product:iPhone 15 Case
            iphone case under 1000                           | product:iPhone 13 Case
            do you have a blue kurta in size M               | product:Blue Cotton Kurta
            show me singing bowls                            | product:Singing Bowl
            how much is the singing bowl                     | product:Singing Bowl
            dhaka topi price                                 | product:Dhaka Topi
            lokta paper notebook                             | product:Lokta Paper Notebook
            do you have a singing bowl under 1k              | unsure
            where is my order                                | orders
            has my parcel shipped yet?                       | orders
            what is the meaning of life                      | unsure
            asdf qwerty                                      | unsure
            """)
    void answers(String question, String expected) {
        ASKED.incrementAndGet();
        Assistant.Answer answer = assistant.answer(question, true);
        String got = switch (answer.kind()) {
            case "FAQ" -> "faq:" + answer.faqId();
            case "PRODUCTS" -> "product:" + answer.links().getFirst().title();
            case "ORDERS" -> "orders";
            default -> answer.kind().toLowerCase(Locale.ROOT);
        };
        if (got.equals(expected)) {
            HIT.incrementAndGet();
        }
        assertThat(got).as(question + " (searched " + (SEARCHES.isEmpty() ? "nothing" : SEARCHES.getLast()) + ")")
                .isEqualTo(expected);
        if (expected.equals("unsure")) {
            assertThat(answer.links()).contains(Assistant.SUPPORT_CHAT);
        }
    }

    @AfterAll
    static void hitRate() {
        System.out.printf("assistant hit rate: %d/%d = %.0f%%%n", HIT.get(), ASKED.get(),
                ASKED.get() == 0 ? 0.0 : 100.0 * HIT.get() / ASKED.get());
    }

    private static CatalogSearchClient.Product product(String name, long npr, boolean inStock) {
        return new CatalogSearchClient.Product(name.toLowerCase(Locale.ROOT).replace(' ', '-'), name,
                new Money(npr * 100, "NPR"), null, null, inStock);
    }

    /** Like catalog search: products sharing most words with the query, filtered by price and stock. */
    private static CatalogSearchClient.SearchPage search(String q, Long minPrice, Long maxPrice, Boolean inStock,
                                                         int size) {
        SEARCHES.add(q + " [" + minPrice + ".." + maxPrice + (Boolean.TRUE.equals(inStock) ? ", in stock" : "") + "]");
        List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).split(" ")).map(AssistantQuestionsTest::singular)
                .toList();
        Comparator<CatalogSearchClient.Product> byMatches = Comparator.comparingLong(p -> -matches(words, p));
        List<CatalogSearchClient.Product> found = CATALOG.stream()
                .filter(p -> matches(words, p) > 0)
                .filter(p -> minPrice == null || p.price().amountMinor() >= minPrice)
                .filter(p -> maxPrice == null || p.price().amountMinor() <= maxPrice)
                .filter(p -> !Boolean.TRUE.equals(inStock) || p.inStock())
                .sorted(byMatches).limit(size).toList();
        return new CatalogSearchClient.SearchPage(found, found.size());
    }

    private static long matches(List<String> words, CatalogSearchClient.Product product) {
        List<String> name = Arrays.stream(product.name().toLowerCase(Locale.ROOT).split(" "))
                .map(AssistantQuestionsTest::singular).toList();
        return words.stream().filter(name::contains).count();
    }

    private static String singular(String word) {
        return word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
    }
}
