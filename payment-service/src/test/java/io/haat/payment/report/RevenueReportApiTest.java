package io.haat.payment.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.payment.ledger.CommissionRates;
import io.haat.payment.ledger.Ledger;
import io.haat.payment.ledger.LedgerPostings;
import io.haat.payment.ledger.LedgerRepository;
import io.haat.payment.ledger.LedgerTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin/reports/revenue} read back from ledger postings. The ledger stamps postings with the service
 * clock, so today's postings go through {@link Ledger}; the bucketing is checked on postings of 2001 (a year no other
 * test touches, so its totals are exact), made by the same {@link LedgerPostings} rules at chosen instants.
 *
 * <p>2001 (Asia/Kathmandu is UTC+05:45): seller A's order (merchandise 10000, seller discount 1000, platform discount
 * 500, shipping 200: total 8700; 10 % on 9000 = 900) captured 2001-03-31T18:30Z (April 1st, 00:15 in Kathmandu, still
 * March in UTC), half refunded 2001-04-10 (450 commission and 250 discount back); seller B's 5000 at 20 % captured
 * 2001-04-15 with 100 too much (customer credit: not revenue); seller A's USD 2000 at 10 % on 2001-04-20.
 */
class RevenueReportApiTest extends PaymentIntegrationTest {

    private static final String PATH = "/admin/reports/revenue";

    @Autowired
    private Ledger ledger;
    @Autowired
    private LedgerRepository repository;
    @Autowired
    private PlatformTransactionManager transactions;

    private static String sellerA;
    private static String sellerB;

    @BeforeEach
    void postingsOf2001() {
        if (sellerA != null) {
            return;
        }
        sellerA = "seller-a-" + UUID.randomUUID();
        sellerB = "seller-b-" + UUID.randomUUID();
        String order1 = UUID.randomUUID().toString();
        SellerOrderTotals a = new SellerOrderTotals("so-" + order1, "store-a", sellerA, npr(10_000), npr(1_000),
                npr(500), npr(200), npr(8_700));
        capture(order1, npr(8_700), a, 1_000, Instant.parse("2001-03-31T18:30:00Z"));
        post(LedgerPostings.refund(UUID.randomUUID().toString(), order1,
                List.of(new SellerOrderRefund(a.sellerOrderId(), "store-a", sellerA, npr(4_350))), RefundReason.RETURN,
                repository.positions(List.of(a.sellerOrderId())), Instant.parse("2001-04-10T06:00:00Z")));

        String order2 = UUID.randomUUID().toString();
        capture(order2, npr(5_100), SellerOrderTotals.undiscounted("so-" + order2, "store-b", sellerB, npr(5_000)), 2_000,
                Instant.parse("2001-04-15T12:00:00Z"));
        String order3 = UUID.randomUUID().toString();
        Money usd = new Money(2_000, "USD");
        capture(order3, usd, SellerOrderTotals.undiscounted("so-" + order3, "store-a", sellerA, usd), 1_000,
                Instant.parse("2001-04-20T00:00:00Z"));
    }

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private void capture(String order, Money amount, SellerOrderTotals part, int bps, Instant at) {
        post(LedgerPostings.capture(UUID.randomUUID().toString(), order, amount, List.of(part),
                CommissionRates.flat(bps), repository.positions(List.of(part.sellerOrderId())), at));
    }

    private void post(LedgerTransaction transaction) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> assertThat(repository.insert(transaction))
                .isTrue());
    }

    private static void assertFigures(JsonNode figures, long gmv, long refunds, long commission, long discounts) {
        assertThat(figures.path("grossMerchandiseValue").path("amountMinor").asLong()).as("gmv").isEqualTo(gmv);
        assertThat(figures.path("refunds").path("amountMinor").asLong()).as("refunds").isEqualTo(refunds);
        assertThat(figures.path("commission").path("amountMinor").asLong()).as("commission").isEqualTo(commission);
        assertThat(figures.path("platformDiscounts").path("amountMinor").asLong()).as("discounts").isEqualTo(discounts);
        assertThat(figures.path("netRevenue").path("amountMinor").asLong()).as("net").isEqualTo(commission - discounts);
    }

    private static JsonNode seller(JsonNode period, String sellerId, String currency) {
        for (JsonNode seller : period.path("sellers")) {
            if (seller.path("sellerId").asString().equals(sellerId) && seller.path("currency").asString().equals(currency)) {
                return seller.path("figures");
            }
        }
        throw new AssertionError("no " + currency + " row of " + sellerId + " in " + period);
    }

    private JsonNode report(String query) {
        Response response = get(PATH + "?" + query, user("ADMIN").token());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    @Test
    void monthsInKathmanduSumCapturesRefundsCommissionAndDiscountsPerSellerAndCurrency() {
        JsonNode report = report("from=2001-03-01&to=2001-05-01&granularity=month&zone=Asia/Kathmandu");
        assertThat(report.path("zone").asString()).isEqualTo("Asia/Kathmandu");
        assertThat(report.path("granularity").asString()).isEqualTo("month");
        JsonNode march = report.path("periods").get(0);
        JsonNode april = report.path("periods").get(1);
        assertThat(report.path("periods")).hasSize(2);
        assertThat(march.path("start").asString()).isEqualTo("2001-03-01");
        assertThat(march.path("end").asString()).isEqualTo("2001-04-01");
        assertThat(march.path("sellers")).as("00:15 on April 1st in Kathmandu").isEmpty();
        assertThat(march.path("totals")).isEmpty();

        assertFigures(seller(april, sellerA, "NPR"), 8_700, 4_350, 450, 250);
        assertFigures(seller(april, sellerB, "NPR"), 5_000, 0, 1_000, 0);
        assertFigures(seller(april, sellerA, "USD"), 2_000, 0, 200, 0);
        assertThat(april.path("sellers")).hasSize(3);
        assertThat(april.path("totals")).hasSize(2);
        assertThat(april.path("totals").get(0).path("currency").asString()).isEqualTo("NPR");
        assertFigures(april.path("totals").get(0).path("figures"), 13_700, 4_350, 1_450, 250);
        assertThat(april.path("totals").get(1).path("currency").asString()).isEqualTo("USD");
        assertFigures(april.path("totals").get(1).path("figures"), 2_000, 0, 200, 0);
    }

    @Test
    void theSamePostingsInUtcAndByWeekAndDayFallIntoOtherPeriods() {
        JsonNode utc = report("from=2001-03-01&to=2001-05-01&granularity=month&zone=UTC");
        assertFigures(seller(utc.path("periods").get(0), sellerA, "NPR"), 8_700, 0, 900, 500);
        assertFigures(seller(utc.path("periods").get(1), sellerA, "NPR"), 0, 4_350, -450, -250);

        JsonNode weeks = report("from=2001-04-01&to=2001-04-16&granularity=week&zone=Asia/Kathmandu");
        assertThat(weeks.path("periods")).hasSize(3);
        assertThat(weeks.path("periods").findValues("start").stream().map(JsonNode::asString).toList())
                .containsExactly("2001-04-01", "2001-04-02", "2001-04-09");   // 2001-04-01 was a Sunday
        assertFigures(seller(weeks.path("periods").get(0), sellerA, "NPR"), 8_700, 0, 900, 500);
        assertThat(weeks.path("periods").get(1).path("sellers")).isEmpty();
        assertFigures(seller(weeks.path("periods").get(2), sellerA, "NPR"), 0, 4_350, -450, -250);
        assertFigures(seller(weeks.path("periods").get(2), sellerB, "NPR"), 5_000, 0, 1_000, 0);

        JsonNode days = report("from=2001-03-31&to=2001-04-02&granularity=day&zone=Asia/Kathmandu");
        assertThat(days.path("periods")).hasSize(2);
        assertThat(days.path("periods").get(0).path("sellers")).isEmpty();
        assertFigures(seller(days.path("periods").get(1), sellerA, "NPR"), 8_700, 0, 900, 500);
    }

    @Test
    void todaysPostingsThroughTheLedgerAreReportedAsPosted() {
        String seller = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        SellerOrderTotals part = new SellerOrderTotals("so-" + order, "store-c", seller, npr(20_000), npr(0), npr(2_000),
                npr(0), npr(18_000));
        ledger.postCapture(UUID.randomUUID().toString(), order, npr(18_000), List.of(part), CommissionRates.flat(1_500));
        ledger.postRefund(UUID.randomUUID().toString(), order,
                List.of(new SellerOrderRefund(part.sellerOrderId(), "store-c", seller, npr(1_800))), RefundReason.RETURN);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode report = report("from=" + today.minusDays(1) + "&to=" + today.plusDays(2) + "&zone=UTC");
        assertThat(report.path("granularity").asString()).as("the default").isEqualTo("day");
        // commission 15 % of 20000 = 3000, a tenth back: 300; discount 2000, a tenth back: 200
        assertFigures(seller(report.path("periods").get(1), seller, "NPR"), 18_000, 1_800, 2_700, 1_800);
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerPeriodCurrencyAndSeller() {
        TextResponse csv = csv("from=2001-03-01&to=2001-05-01&granularity=month&zone=Asia/Kathmandu",
                user("ADMIN").token());
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .contains("revenue-2001-03-01-2001-05-01-month.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("period_start,period_end,currency,seller_id,gross_merchandise_value_minor,"
                + "refunds_minor,commission_minor,platform_discounts_minor,net_revenue_minor");
        String a = sellerA.compareTo(sellerB) < 0 ? sellerA : sellerB;
        assertThat(lines).hasSize(4).contains(
                "2001-04-01,2001-05-01,NPR," + sellerA + ",8700,4350,450,250,200",
                "2001-04-01,2001-05-01,NPR," + sellerB + ",5000,0,1000,0,1000",
                "2001-04-01,2001-05-01,USD," + sellerA + ",2000,0,200,0,200");
        assertThat(lines.get(1)).contains("NPR," + a + ",");
        assertThat(lines.get(3)).contains(",USD,");

        TextResponse bad = csv("from=2001-05-01&to=2001-03-01", user("ADMIN").token());
        assertThat(bad.status()).isEqualTo(400);
    }

    private TextResponse csv(String query, String token) {
        return getText(PATH + "?" + query, token, "text/csv");
    }

    @Test
    void badRangesZonesAndGranularitiesAreValidationProblems() {
        String admin = user("ADMIN").token();
        for (String[] bad : List.of(
                new String[] {"from=2001-04-01&to=2001-04-01", "to"},
                new String[] {"from=2001-04-02&to=2001-04-01", "to"},
                new String[] {"from=2001-01-01&to=2002-01-03&granularity=day", "to"},
                new String[] {"from=2001-01-01&to=2001-02-01&zone=Mars/Olympus", "zone"},
                new String[] {"from=2001-01-01&to=2001-02-01&granularity=hour", "granularity"},
                new String[] {"from=yesterday&to=2001-02-01", "from"},
                new String[] {"to=2001-02-01", "from"})) {
            Response response = get(PATH + "?" + bad[0], admin);
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.problemType()).as(bad[0]).isEqualTo("https://haat.io/problems/validation");
            assertThat(response.body().path("errors").get(0).path("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(get(PATH + "?from=2001-01-01&to=2002-01-02&granularity=week", admin).status())
                .as("a year and a day by week").isEqualTo(200);
    }

    @Test
    void theReportIsForAdminsOnly() throws Exception {
        String query = "?from=2001-03-01&to=2001-05-01";
        assertThat(get(PATH + query, null).status()).isEqualTo(401);
        assertThat(get(PATH + query, "not-a-jwt").status()).isEqualTo(401);
        assertThat(csv(query.substring(1), null).status()).isEqualTo(401);
        for (String role : List.of("SELLER", "CUSTOMER", "DELIVERY_AGENT")) {
            Response forbidden = get(PATH + query, user(role).token());
            assertThat(forbidden.status()).as(role).isEqualTo(403);
            assertThat(forbidden.problemType()).isEqualTo("https://haat.io/problems/forbidden");
            assertThat(csv(query.substring(1), user(role).token()).status()).as(role).isEqualTo(403);
        }
    }
}
