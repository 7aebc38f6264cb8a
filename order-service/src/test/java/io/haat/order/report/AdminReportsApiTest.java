package io.haat.order.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.RefundReason;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import io.haat.order.OrderIntegrationTest;
import io.haat.order.order.Order;
import io.haat.order.order.OrderItem;
import io.haat.order.order.OrderRepository;
import io.haat.order.order.PaymentFact;
import io.haat.order.order.SellerOrder;
import io.haat.order.order.SellerOrderState;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin/orders} and the admin sales reports over orders of 2002 (a year no other test touches, so every
 * figure is exact), made by the order aggregate at chosen instants and stored by its repository. Asia/Kathmandu
 * (UTC+05:45, no daylight saving, the marketplace's default zone) puts two of them on a different day than UTC.
 *
 * <pre>
 * order  stores           lines (NPR unless said)           confirmed (UTC)     local day    payment
 * O1     A                2 × tea 500, −100; ship 100 =1000 03-31 18:20         04-01        captured, 300 refunded
 * O2     A + B            1 × tea 500 + ship 100 = 600;     04-01 10:00         04-01        captured 1240
 *                         3 × honey 200, −60 + ship 100 = 640
 * O3     B                2 × honey 200 = 400               03-31 18:10         03-31        captured
 * O4     A                5 × tea 500 = 2500                04-02 05:00         cancelled    captured, refunded in full
 * O5     B                1 × honey USD 10.00               04-01 12:00         04-01        captured
 * O6     A                1 × tea, not paid                 —                   —            unpaid
 * O7     A                1 × tea + ship 100 = 600          04-03 06:00         04-03        cash on delivery
 * O8     B                1 × honey 200, 100 paid           —                   —            partially paid
 * </pre>
 */
class AdminReportsApiTest extends OrderIntegrationTest {

    private static final Duration FOREVER = Duration.ofDays(365 * 200);   // unpaid orders the deadline job leaves
    private static final DeliveryAddress ADDRESS = new DeliveryAddress("Sita Sharma", "+977 9800000000", "Thamel 12",
            null, "Kathmandu", "Bagmati", "44600", "NP");

    @Autowired
    private OrderRepository orders;

    private static Fixture fixture;

    private record Fixture(String customer, String storeA, String storeB, String sellerA, String sellerB, String tea,
                           String honey, List<String> ids) {
        String id(int n) {
            return ids.get(n - 1);
        }
    }

    @BeforeEach
    void ordersOf2002() {
        if (fixture != null) {
            return;
        }
        UUID customer = UUID.randomUUID();
        String sellerA = "seller-a-" + UUID.randomUUID();
        String sellerB = "seller-b-" + UUID.randomUUID();
        String storeA = store(sellerA, "Tea, Honey & Co");
        String storeB = store(sellerB, "=Bees");
        String tea = "tea-" + UUID.randomUUID();
        String honey = "honey-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();

        Order o1 = paid(place(customer, at("03-31T18:00"), part(storeA, sellerA, 100, 100, 0,
                line(tea, "Tea", 2, npr(500), npr(100)))), at("03-31T18:20"));
        ids.add(save(o1, o1.recordRefund("refund-1", "pay-" + o1.id(), npr(300), RefundReason.RETURN, at("04-05T00:00"))
                .state()).id().toString());
        ids.add(paid(place(customer, at("04-01T10:00"), part(storeA, sellerA, 100, 0, 0, line(tea, "Tea", 1, npr(500),
                npr(0))), part(storeB, sellerB, 100, 0, 60, line(honey, "Honey", 3, npr(200), npr(60)))),
                at("04-01T10:00")).id().toString());
        ids.add(paid(place(customer, at("03-31T18:05"), part(storeB, sellerB, 0, 0, 0, line(honey, "Honey", 2,
                npr(200), npr(0)))), at("03-31T18:10")).id().toString());
        Order o4 = paid(place(customer, at("04-02T04:50"), part(storeA, sellerA, 0, 0, 0, line(tea, "Tea", 5,
                npr(500), npr(0)))), at("04-02T05:00"));
        Order cancelled = save(o4, o4.cancelByCustomer(at("04-02T06:00")).state());
        ids.add(save(cancelled, cancelled.recordRefund("refund-4", "pay-" + o4.id(), npr(2_500),
                RefundReason.ORDER_CANCELLED, at("04-02T06:05")).state()).id().toString());
        Money usd = new Money(1_000, "USD");
        ids.add(paid(place(customer, at("04-01T12:00"), part(storeB, sellerB, 0, 0, 0, new OrderItem(honey, "HONEY",
                "Honey", 1, usd, new Money(0, "USD")))), at("04-01T12:00")).id().toString());
        ids.add(reserved(place(customer, at("04-01T11:00"), part(storeA, sellerA, 0, 0, 0, line(tea, "Tea", 1,
                npr(500), npr(0)))), at("04-01T11:00")).id().toString());
        Order o7 = reserved(place(customer, at("04-03T05:55"), new PaymentChoice(PaymentProvider.CASH_ON_DELIVERY,
                npr(600)), part(storeA, sellerA, 100, 0, 0, line(tea, "Tea", 1, npr(500), npr(0)))), at("04-03T05:56"));
        ids.add(save(o7, o7.recordPayment(new PaymentFact("cod-" + o7.id(), PaymentProvider.CASH_ON_DELIVERY, 1,
                PaymentFact.State.COD_ACCEPTED, npr(600), npr(0), List.of(), at("04-03T06:00")), at("04-03T06:00"))
                .state()).id().toString());
        Order o8 = reserved(place(customer, at("04-01T13:00"), part(storeB, sellerB, 0, 0, 0, line(honey, "Honey", 1,
                npr(200), npr(0)))), at("04-01T13:00"));
        ids.add(save(o8, o8.recordPayment(captured(o8, 100, at("04-01T13:01")), at("04-01T13:01")).state()).id()
                .toString());
        fixture = new Fixture(customer.toString(), storeA, storeB, sellerA, sellerB, tea, honey, ids);
    }

    // ---- GET /admin/orders

    @Test
    void adminsSeeEveryOrderNewestFirstWithItsPartsAndPaymentState() {
        JsonNode all = orders("customerId=" + fixture.customer());
        assertThat(all.path("totalItems").asLong()).isEqualTo(8);
        assertThat(idsOf(all)).containsExactly(fixture.id(7), fixture.id(4),
                fixture.id(8), fixture.id(5), fixture.id(6), fixture.id(2), fixture.id(3), fixture.id(1));
        assertThat(all.path("items").findValuesAsString("paymentState")).containsExactly("CASH_ON_DELIVERY",
                "REFUNDED", "PARTIALLY_PAID", "PAID", "UNPAID", "PAID", "PAID", "PARTIALLY_REFUNDED");

        JsonNode o2 = all.path("items").get(5);
        assertThat(o2.path("customerId").asString()).isEqualTo(fixture.customer());
        assertThat(o2.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(o2.path("paymentProvider").asString()).isEqualTo("SANDBOX");
        assertThat(money(o2.path("total"))).isEqualTo(npr(1_240));
        assertThat(money(o2.path("captured"))).isEqualTo(npr(1_240));
        assertThat(money(o2.path("refunded"))).isEqualTo(npr(0));
        assertThat(o2.path("itemCount").asInt()).isEqualTo(4);
        assertThat(o2.path("placedAt").asString()).isEqualTo("2002-04-01T10:00:00Z");
        JsonNode parts = o2.path("sellerOrders");
        assertThat(parts.findValuesAsString("storeId")).containsExactly(fixture.storeA(), fixture.storeB());
        assertThat(parts.findValuesAsString("storeName")).containsExactly("Tea, Honey & Co", "=Bees");
        assertThat(parts.findValuesAsString("sellerId")).containsExactly(fixture.sellerA(), fixture.sellerB());
        assertThat(parts.findValuesAsString("status")).containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(money(parts.get(1).path("total"))).isEqualTo(npr(640));
        assertThat(parts.get(1).path("itemCount").asInt()).isEqualTo(3);

        JsonNode o1 = all.path("items").get(7);
        assertThat(money(o1.path("captured"))).isEqualTo(npr(1_000));
        assertThat(money(o1.path("refunded"))).isEqualTo(npr(300));

        JsonNode second = orders("customerId=" + fixture.customer() + "&page=1&size=3");
        assertThat(idsOf(second)).containsExactly(fixture.id(5), fixture.id(6),
                fixture.id(2));
        assertThat(second.path("totalItems").asLong()).isEqualTo(8);
        assertThat(second.path("size").asInt()).isEqualTo(3);
    }

    @Test
    void everyFilterNarrowsTheList() {
        String mine = "customerId=" + fixture.customer();
        assertThat(ids(mine + "&status=cancelled")).containsExactly(fixture.id(4));
        assertThat(ids(mine + "&status=AWAITING_PAYMENT")).containsExactly(fixture.id(8), fixture.id(6));
        assertThat(ids(mine + "&status=SHIPPED")).as("a seller order status: none shipped").isEmpty();
        assertThat(ids("status=CONFIRMED&storeId=" + fixture.storeB())).containsExactly(fixture.id(5),
                fixture.id(2), fixture.id(3));
        assertThat(ids("sellerId=" + fixture.sellerA())).containsExactly(fixture.id(7), fixture.id(4),
                fixture.id(6), fixture.id(2), fixture.id(1));
        assertThat(ids(mine + "&paymentState=paid")).containsExactly(fixture.id(5), fixture.id(2), fixture.id(3));
        assertThat(ids(mine + "&paymentState=REFUNDED")).containsExactly(fixture.id(4));
        assertThat(ids(mine + "&paymentState=UNPAID&storeId=" + fixture.storeA())).containsExactly(fixture.id(6));
        // placed on April 1st in Kathmandu (the default zone): O1 and O3 were placed late on March 31st there
        assertThat(ids(mine + "&from=2002-04-01&to=2002-04-02")).containsExactly(fixture.id(8), fixture.id(5),
                fixture.id(6), fixture.id(2));
        assertThat(ids(mine + "&from=2002-03-31&to=2002-04-01&zone=UTC")).containsExactly(fixture.id(3),
                fixture.id(1));
        assertThat(ids(mine + "&from=2002-03-31T18:05:00Z&to=2002-04-01T10:00:00Z")).containsExactly(fixture.id(3));
    }

    @Test
    void badFiltersAreValidationProblemsNamingEachParameter() {
        String admin = user("ADMIN").token();
        Response bad = get("/admin/orders?status=LOST&customerId=42&paymentState=rich&from=yesterday&zone=Mars/Base",
                admin);
        assertProblem(bad, 400, "validation", null);
        assertThat(bad.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("status", "customerId", "paymentState", "from", "zone");
        assertProblem(get("/admin/orders?from=2002-04-02&to=2002-04-01", admin), 400, "validation", "to");
        assertProblem(get("/admin/orders?size=101", admin), 400, "validation", "size");
    }

    // ---- GET /admin/reports/sales

    @Test
    void salesByDayInKathmanduCountConfirmedOrdersAtTheirLocalDate() {
        JsonNode report = report("/admin/reports/sales?from=2002-03-31&to=2002-04-03&granularity=day");
        assertThat(report.path("zone").asString()).isEqualTo("Asia/Kathmandu");
        assertThat(report.path("granularity").asString()).isEqualTo("day");
        JsonNode periods = report.path("periods");
        assertThat(periods.findValuesAsString("start")).containsExactly("2002-03-31", "2002-04-01", "2002-04-02");
        assertThat(periods.get(0).path("end").asString()).isEqualTo("2002-04-01");
        // O3 only: confirmed 23:55 on March 31st in Kathmandu
        assertFigures(periods.get(0).path("figures").get(0), "NPR", 1, 2, 400, 0, 0, 400, 0, 400);
        // O1 (00:05 on April 1st there, 300 refunded) and O2; O5 in its own currency
        JsonNode april1 = periods.get(1).path("figures");
        assertThat(april1).hasSize(2);
        assertFigures(april1.get(0), "NPR", 2, 6, 2_100, 300, 160, 2_240, 300, 1_120);
        assertFigures(april1.get(1), "USD", 1, 1, 1_000, 0, 0, 1_000, 0, 1_000);
        assertThat(periods.get(2).path("figures").isEmpty()).as("O4 was cancelled").isTrue();
        assertFigures(report.path("totals").get(0), "NPR", 3, 8, 2_500, 300, 160, 2_640, 300, 880);
        assertThat(report.path("totals").get(0).path("netSales").path("amountMinor").asLong()).isEqualTo(2_340);

        JsonNode utc = report("/admin/reports/sales?from=2002-03-31&to=2002-04-03&zone=UTC");
        assertFigures(utc.path("periods").get(0).path("figures").get(0), "NPR", 2, 4, 1_400, 100, 100, 1_400, 300,
                700);
        assertFigures(utc.path("periods").get(1).path("figures").get(0), "NPR", 1, 4, 1_100, 200, 60, 1_240, 0,
                1_240);
    }

    @Test
    void salesByWeekAndMonth() {
        JsonNode weeks = report("/admin/reports/sales?from=2002-03-27&to=2002-04-08&granularity=week");
        assertThat(weeks.path("periods").findValuesAsString("start")).containsExactly("2002-03-27", "2002-04-01");
        assertFigures(weeks.path("periods").get(0).path("figures").get(0), "NPR", 1, 2, 400, 0, 0, 400, 0, 400);
        // O1, O2 and the cash-on-delivery O7 (accepted, so confirmed)
        assertFigures(weeks.path("periods").get(1).path("figures").get(0), "NPR", 3, 7, 2_600, 400, 160, 2_840, 300,
                947);

        JsonNode months = report("/admin/reports/sales?from=2002-03-01&to=2002-05-01&granularity=MONTH&zone=UTC");
        assertThat(months.path("periods").findValuesAsString("start")).containsExactly("2002-03-01", "2002-04-01");
        assertFigures(months.path("periods").get(0).path("figures").get(0), "NPR", 2, 4, 1_400, 100, 100, 1_400,
                300, 700);
        assertFigures(months.path("periods").get(1).path("figures").get(0), "NPR", 2, 5, 1_600, 300, 60, 1_840, 0,
                920);
    }

    @Test
    void salesAsCsv() {
        TextResponse csv = getText("/admin/reports/sales?from=2002-03-31&to=2002-04-03", user("ADMIN").token(),
                "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("sales-2002-03-31-2002-04-03-day.csv");
        assertThat(csv.body()).isEqualTo("period_start,period_end,currency,orders,units,merchandise_minor,"
                + "shipping_minor,discounts_minor,gross_merchandise_value_minor,refunds_minor,net_sales_minor,"
                + "average_order_value_minor\r\n"
                + "2002-03-31,2002-04-01,NPR,1,2,400,0,0,400,0,400,400\r\n"
                + "2002-04-01,2002-04-02,NPR,2,6,2100,300,160,2240,300,1940,1120\r\n"
                + "2002-04-01,2002-04-02,USD,1,1,1000,0,0,1000,0,1000,1000\r\n");
    }

    @Test
    void badReportParametersAreValidationProblems() {
        String admin = user("ADMIN").token();
        for (String[] bad : List.of(
                new String[] {"/admin/reports/sales?from=2002-04-01&to=2002-04-01", "to"},
                new String[] {"/admin/reports/sales?from=2002-01-01&to=2003-01-03", "to"},
                new String[] {"/admin/reports/sales?from=2002-01-01&to=2002-02-01&granularity=hour", "granularity"},
                new String[] {"/admin/reports/sales?from=2002-01-01&to=2002-02-01&zone=Mars/Base", "zone"},
                new String[] {"/admin/reports/sales?to=2002-02-01", "from"},
                new String[] {"/admin/reports/top-products?from=2002-01-01&to=2002-02-01&limit=0", "limit"},
                new String[] {"/admin/reports/top-products?from=2002-01-01&to=2002-02-01&limit=101", "limit"},
                new String[] {"/admin/reports/top-products?from=2002-01-01&to=2002-02-01&limit=ten", "limit"},
                new String[] {"/admin/reports/top-stores?from=2002-01-01&to=2002-02-01&currency=XX", "currency"},
                new String[] {"/admin/reports/top-stores?from=2002-01-01&to=2002-02-01&sort=price", "sort"})) {
            assertProblem(get(bad[0], admin), 400, "validation", bad[1]);
        }
        assertThat(getText("/admin/reports/sales?from=x&to=2002-02-01", admin, "text/csv").status()).isEqualTo(400);
    }

    // ---- top products and stores

    @Test
    void topProductsRankConfirmedLinesInOneCurrency() {
        JsonNode bySales = report("/admin/reports/top-products?from=2002-03-31&to=2002-04-05");
        assertThat(bySales.path("currency").asString()).isEqualTo("NPR");
        assertThat(bySales.path("sort").asString()).isEqualTo("sales");
        JsonNode items = bySales.path("items");
        assertThat(items.findValuesAsString("productId")).containsExactly(fixture.tea(), fixture.honey());
        // tea: O1 (2, −100), O2, O7; O4's five were cancelled. honey: O2 (3, −60), O3 (2)
        assertProduct(items.get(0), 1, "Tea", fixture.storeA(), 3, 4, 2_000, 100, 1_900);
        assertProduct(items.get(1), 2, "Honey", fixture.storeB(), 2, 5, 1_000, 60, 940);

        JsonNode byUnits = report("/admin/reports/top-products?from=2002-03-31&to=2002-04-05&sort=units&limit=1");
        assertThat(byUnits.path("items").findValuesAsString("productId")).containsExactly(fixture.honey());
        JsonNode usd = report("/admin/reports/top-products?from=2002-03-31&to=2002-04-05&currency=usd");
        assertProduct(usd.path("items").get(0), 1, "Honey", fixture.storeB(), 1, 1, 1_000, 0, 1_000);
        assertThat(usd.path("items")).hasSize(1);
    }

    @Test
    void topStoresRankStoresByWhatTheirCustomersWereCharged() {
        JsonNode report = report("/admin/reports/top-stores?from=2002-03-31&to=2002-04-05");
        JsonNode items = report.path("items");
        assertThat(items.findValuesAsString("storeId")).containsExactly(fixture.storeA(), fixture.storeB());
        assertStore(items.get(0), 1, "Tea, Honey & Co", fixture.sellerA(), 3, 4, 2_000, 300, 100, 2_200);
        assertStore(items.get(1), 2, "=Bees", fixture.sellerB(), 2, 5, 1_000, 100, 60, 1_040);
        JsonNode byUnits = report("/admin/reports/top-stores?from=2002-03-31&to=2002-04-05&sort=units");
        assertThat(byUnits.path("items").findValuesAsString("storeId")).containsExactly(fixture.storeB(),
                fixture.storeA());
    }

    @Test
    void topListsAsCsvQuoteNamesAndDisarmFormulas() {
        String admin = user("ADMIN").token();
        TextResponse stores = getText("/admin/reports/top-stores?from=2002-03-31&to=2002-04-05", admin, "text/csv");
        assertThat(stores.status()).as(stores.body()).isEqualTo(200);
        assertThat(stores.header("Content-Disposition")).contains("top-stores-2002-03-31-2002-04-05.csv");
        assertThat(stores.body().split("\r\n")).containsExactly(
                "rank,store_id,store_name,seller_id,currency,orders,units,merchandise_minor,shipping_minor,"
                        + "discounts_minor,gross_merchandise_value_minor",
                "1," + fixture.storeA() + ",\"Tea, Honey & Co\"," + fixture.sellerA() + ",NPR,3,4,2000,300,100,2200",
                "2," + fixture.storeB() + ",'=Bees," + fixture.sellerB() + ",NPR,2,5,1000,100,60,1040");
        TextResponse products = getText("/admin/reports/top-products?from=2002-03-31&to=2002-04-05&limit=1", admin,
                "text/csv");
        assertThat(products.body().split("\r\n")).containsExactly(
                "rank,product_id,name,store_id,currency,orders,units,merchandise_minor,discounts_minor,sales_minor",
                "1," + fixture.tea() + ",Tea," + fixture.storeA() + ",NPR,3,4,2000,100,1900");
    }

    // ---- who may read them

    @Test
    void onlyAdminsMayReadOrdersAndReports() {
        List<String> paths = List.of("/admin/orders", "/admin/reports/sales?from=2002-03-01&to=2002-04-01",
                "/admin/reports/top-products?from=2002-03-01&to=2002-04-01",
                "/admin/reports/top-stores?from=2002-03-01&to=2002-04-01");
        for (String path : paths) {
            assertProblem(get(path, null), 401, null, null);
            assertThat(get(path, "garbage").status()).as(path).isEqualTo(401);
            assertThat(getText(path, null, "text/csv").status()).as(path).isEqualTo(401);
            for (String role : List.of("CUSTOMER", "SELLER", "DELIVERY_AGENT")) {
                String token = user(role).token();
                assertProblem(get(path, token), 403, "forbidden", null);
                assertThat(getText(path, token, "text/csv").status()).as(role + " " + path).isEqualTo(403);
            }
            assertThat(get(path, user("ADMIN").token()).status()).as(path).isEqualTo(200);
        }
    }

    // ---- helpers

    private JsonNode orders(String query) {
        return ok(get("/admin/orders?" + query, user("ADMIN").token())).body();
    }

    private List<String> ids(String query) {
        return idsOf(orders(query));
    }

    /** The orders' ids (not their parts'). */
    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private JsonNode report(String path) {
        return ok(get(path, user("ADMIN").token())).body();
    }

    private static Money money(JsonNode node) {
        return new Money(node.path("amountMinor").asLong(), node.path("currency").asString());
    }

    private static long minor(JsonNode node, String field) {
        return node.path(field).path("amountMinor").asLong();
    }

    private static void assertFigures(JsonNode f, String currency, long orders, long units, long merchandise,
                                      long shipping, long discounts, long gmv, long refunds, long average) {
        assertThat(f.path("currency").asString()).isEqualTo(currency);
        assertThat(new long[] {f.path("orders").asLong(), f.path("units").asLong(), minor(f, "merchandise"),
                minor(f, "shipping"), minor(f, "discounts"), minor(f, "grossMerchandiseValue"), minor(f, "refunds"),
                minor(f, "netSales"), minor(f, "averageOrderValue")})
                .as("orders, units, merchandise, shipping, discounts, GMV, refunds, net, AOV of " + f)
                .containsExactly(orders, units, merchandise, shipping, discounts, gmv, refunds, gmv - refunds, average);
        assertThat(f.path("grossMerchandiseValue").path("currency").asString()).isEqualTo(currency);
    }

    private static void assertProduct(JsonNode p, int rank, String name, String storeId, long orders, long units,
                                      long merchandise, long discounts, long sales) {
        assertThat(p.path("rank").asInt()).isEqualTo(rank);
        assertThat(p.path("name").asString()).isEqualTo(name);
        assertThat(p.path("storeId").asString()).isEqualTo(storeId);
        assertThat(new long[] {p.path("orders").asLong(), p.path("units").asLong(), minor(p, "merchandise"),
                minor(p, "discounts"), minor(p, "sales")}).as(p.toString())
                .containsExactly(orders, units, merchandise, discounts, sales);
    }

    private static void assertStore(JsonNode s, int rank, String name, String sellerId, long orders, long units,
                                    long merchandise, long shipping, long discounts, long gmv) {
        assertThat(s.path("rank").asInt()).isEqualTo(rank);
        assertThat(s.path("storeName").asString()).isEqualTo(name);
        assertThat(s.path("sellerId").asString()).isEqualTo(sellerId);
        assertThat(new long[] {s.path("orders").asLong(), s.path("units").asLong(), minor(s, "merchandise"),
                minor(s, "shipping"), minor(s, "discounts"), minor(s, "grossMerchandiseValue")}).as(s.toString())
                .containsExactly(orders, units, merchandise, shipping, discounts, gmv);
    }

    // ---- the orders of 2002, through the aggregate

    private static Instant at(String monthDayTime) {
        return Instant.parse("2002-" + monthDayTime + ":00Z");
    }

    private String store(String sellerId, String name) {
        String storeId = "store-" + UUID.randomUUID();
        deliverSellerEvent(EventEnvelope.of(new SellerStatusChanged(sellerId, UUID.randomUUID().toString(),
                name, SellerStatus.APPROVED, null), 1, clock.instant()));
        deliverSellerEvent(EventEnvelope.of(new StoreChanged(storeId, sellerId, name, "s-" + storeId,
                StoreStatus.ACTIVE), 1, clock.instant()));
        return storeId;
    }

    private static OrderItem line(String productId, String name, int quantity, Money price, Money discount) {
        return new OrderItem(productId, "SKU-" + name, name, quantity, price, discount);
    }

    /** A store's part; the discounts are the lines' (seller- or platform-funded as given). */
    private static SellerOrder part(String storeId, String sellerId, long shipping, long sellerDiscount,
                                    long platformDiscount, OrderItem... items) {
        String currency = items[0].unitPrice().currency();
        return new SellerOrder(UUID.randomUUID(), storeId, sellerId, SellerOrderState.PENDING, List.of(items),
                new Money(shipping, currency), new Money(0, currency), new Money(sellerDiscount, currency),
                new Money(platformDiscount, currency), new SellerOrder.ShippingChoice("standard", "Standard",
                        LocalDate.of(2002, 4, 5), LocalDate.of(2002, 4, 8)), null);
    }

    private Order place(UUID customer, Instant at, SellerOrder... parts) {
        return place(customer, at, new PaymentChoice(PaymentProvider.SANDBOX, new Money(0,
                parts[0].items().getFirst().unitPrice().currency())), parts);
    }

    private Order place(UUID customer, Instant at, PaymentChoice payment, SellerOrder... parts) {
        Order order = Order.place(UUID.randomUUID(), customer, List.of(parts), ADDRESS, payment, List.of(), FOREVER, at)
                .state();
        orders.insert(order);
        return order;
    }

    /** Stock reserved until long after (so the payment deadline job leaves it alone). */
    private Order reserved(Order order, Instant at) {
        return save(order, order.reserve(at.plus(FOREVER).plus(FOREVER), at, FOREVER, Duration.ofMinutes(1)).state());
    }

    /** Reserved and paid in full with SANDBOX at {@code at}: confirmed then. */
    private Order paid(Order order, Instant at) {
        Order awaiting = reserved(order, at);
        Transition<Order> paid = awaiting.recordPayment(captured(awaiting, awaiting.total().amountMinor(), at), at);
        return save(awaiting, paid.state());
    }

    private static PaymentFact captured(Order order, long amount, Instant at) {
        String currency = order.total().currency();
        return new PaymentFact("pay-" + order.id(), PaymentProvider.SANDBOX, 1, PaymentFact.State.CAPTURED,
                new Money(amount, currency), new Money(0, currency), List.of(), at);
    }

    private Order save(Order before, Order after) {
        orders.save(before, after);
        return after;
    }
}
