package io.haat.payment.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.payment.ledger.CommissionRates;
import io.haat.payment.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /payouts}, {@code GET /payouts/mine}, {@code GET /payouts/{id}} and the admin decisions, over HTTP with
 * real JWTs, checked against the wallet and the ledger. The configured minimum for NPR is 100000 (Rs 1,000).
 */
class PayoutApiTest extends PaymentIntegrationTest {

    private static final String PROBLEMS = "https://haat.io/problems/";

    @Autowired
    private Ledger ledger;

    private static Map<String, Object> npr(long minor) {
        return Map.of("amount", Map.of("amountMinor", minor, "currency", "NPR"));
    }

    /** A seller with {@code available} NPR available: one completed sale of that much, commission-free. */
    private SellerAccount sellerWithAvailable(long available) {
        SellerAccount seller = knownSeller();
        String order = UUID.randomUUID().toString();
        long sale = available;
        ledger.postCapture(UUID.randomUUID().toString(), order, new Money(sale, "NPR"),
                List.of(SellerOrderTotals.undiscounted("so-" + order, "store-1", seller.sellerId(), new Money(sale, "NPR"))),
                CommissionRates.flat(0));
        ledger.postCompletion("so-" + order, order);
        assertThat(available(seller)).isEqualTo(available);
        return seller;
    }

    private long available(SellerAccount seller) {
        return get("/wallet?currency=NPR", seller.token()).body().path("available").path("amountMinor").asLong();
    }

    private Response request(SellerAccount seller, Object body) {
        return call("POST", "/payouts", seller.token(), body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private String admin() {
        return user("ADMIN").token();
    }

    private long ledgerTransactions(String key) {
        return jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key = ?").param(key)
                .query(Long.class).single();
    }

    @Test
    void aRequestTakesTheMoneyOutOfTheAvailableBalanceAtOnceAndIsPostedOnce() {
        SellerAccount seller = sellerWithAvailable(180_000);
        String key = UUID.randomUUID().toString();

        Response created = call("POST", "/payouts", seller.token(), npr(150_000), "Idempotency-Key", key);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(created.body().path("status").asString()).isEqualTo("REQUESTED");
        assertThat(created.body().path("amount").path("amountMinor").asLong()).isEqualTo(150_000);
        assertThat(created.body().path("amount").path("currency").asString()).isEqualTo("NPR");
        assertThat(created.body().path("sellerId").asString()).isEqualTo(seller.sellerId());
        assertThat(created.header("Location")).isEqualTo("/payouts/" + id);
        assertThat(available(seller)).isEqualTo(30_000);
        assertThat(ledgerTransactions("payout:" + id)).isEqualTo(1);

        Response replay = call("POST", "/payouts", seller.token(), npr(150_000), "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body().path("id").asString()).isEqualTo(id);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(available(seller)).isEqualTo(30_000);
        assertThat(post("/payouts", seller.token(), npr(150_000)).problemType())
                .isEqualTo(PROBLEMS + "idempotency-key-missing");

        Response mine = get("/payouts/mine", seller.token());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("totalItems").asLong()).isEqualTo(1);
        assertThat(mine.body().path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(get("/payouts/" + id, seller.token()).body().path("status").asString()).isEqualTo("REQUESTED");

        JsonNode newest = get("/wallet/entries?size=1", seller.token()).body().path("items").get(0);
        assertThat(newest.path("kind").asString()).isEqualTo("PAYOUT_REQUESTED");
        assertThat(newest.path("balance").asString()).isEqualTo("AVAILABLE");
        assertThat(newest.path("amount").path("amountMinor").asLong()).isEqualTo(-150_000);
    }

    @Test
    void oneOpenPayoutAtATimeNoMoreThanIsAvailableAndNotBelowTheMinimum() {
        SellerAccount seller = sellerWithAvailable(300_000);

        Response tooMuch = request(seller, npr(300_001));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problemType()).isEqualTo(PROBLEMS + "insufficient-balance");
        assertThat(tooMuch.body().path("available").path("amountMinor").asLong()).isEqualTo(300_000);

        Response tooLittle = request(seller, npr(99_999));
        assertThat(tooLittle.status()).isEqualTo(400);
        assertThat(tooLittle.problemType()).isEqualTo(PROBLEMS + "validation");
        assertThat(tooLittle.body().path("errors").get(0).path("field").asString()).isEqualTo("amount");

        for (Object bad : List.of(Map.of(), Map.of("amount", Map.of("amountMinor", 100_000, "currency", "npr")),
                Map.of("amount", Map.of("amountMinor", 100_000, "currency", "XYZ")), npr(0), npr(-5), "not json")) {
            assertThat(request(seller, bad).status()).as("%s", bad).isEqualTo(400);
        }
        assertThat(request(seller, Map.of("amount", Map.of("amountMinor", 100_000, "currency", "USD"))).status())
                .as("nothing available in USD").isEqualTo(422);

        Response first = request(seller, npr(100_000));
        assertThat(first.status()).isEqualTo(201);
        Response second = request(seller, npr(100_000));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo(PROBLEMS + "payout-already-open");

        assertThat(post("/admin/payouts/" + first.body().path("id").asString() + "/approve", admin(), null).status())
                .isEqualTo(200);
        assertThat(request(seller, npr(100_000)).status()).as("approved is still open").isEqualTo(409);
        assertThat(available(seller)).isEqualTo(200_000);
    }

    @Test
    void anAdminApprovesAndMarksPaidEachOnceAndTheMoneyLeavesThePlatform() {
        SellerAccount seller = sellerWithAvailable(200_000);
        String id = request(seller, npr(200_000)).body().path("id").asString();
        String admin = admin();

        assertThat(post("/admin/payouts/" + id + "/mark-paid", admin, Map.of("reference", "BANK-1")).problemType())
                .as("not approved yet").isEqualTo(PROBLEMS + "illegal-payout-transition");
        Response listed = get("/admin/payouts?status=REQUESTED&size=100", admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed.body())).contains(id);

        Response approved = post("/admin/payouts/" + id + "/approve", admin, null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");
        Response again = post("/admin/payouts/" + id + "/approve", admin, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("version").asLong()).isEqualTo(approved.body().path("version").asLong());

        Response paid = post("/admin/payouts/" + id + "/mark-paid", admin, Map.of("reference", "BANK-1"));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().path("status").asString()).isEqualTo("PAID");
        assertThat(paid.body().path("reference").asString()).isEqualTo("BANK-1");
        Response paidAgain = post("/admin/payouts/" + id + "/mark-paid", admin, Map.of("reference", "BANK-2"));
        assertThat(paidAgain.status()).isEqualTo(200);
        assertThat(paidAgain.body().path("reference").asString()).as("the first reference stands").isEqualTo("BANK-1");
        assertThat(ledgerTransactions("payout-paid:" + id)).isEqualTo(1);

        Response reject = post("/admin/payouts/" + id + "/reject", admin, Map.of("reason", "too late"));
        assertThat(reject.status()).isEqualTo(409);
        assertThat(reject.problemType()).isEqualTo(PROBLEMS + "illegal-payout-transition");
        assertThat(reject.body().path("status").asString()).isEqualTo("PAID");
        assertThat(available(seller)).isZero();
        assertThat(get("/payouts/" + id, seller.token()).body().path("status").asString()).isEqualTo("PAID");
        assertThat(ids(get("/admin/payouts?status=PAID&size=100", admin).body()))
                .contains(id);
        assertThat(request(seller, npr(100_000)).status()).as("a paid payout is closed: nothing available though")
                .isEqualTo(422);
        // each transition once on payment.payout, through the outbox, with the seller's user for notifications
        List<JsonNode> changes = payoutEvents(id);
        assertThat(changes).extracting(e -> e.at("/payload/status").asString())
                .containsExactly("REQUESTED", "APPROVED", "PAID");
        assertThat(changes).allSatisfy(e -> {
            assertThat(e.at("/payload/sellerId").asString()).isEqualTo(seller.sellerId());
            assertThat(e.at("/payload/userId").asString()).isEqualTo(seller.userId());
            assertThat(e.at("/payload/amount/amountMinor").asLong()).isEqualTo(200_000);
        });
        assertThat(changes.get(2).at("/payload/note").asString()).isEqualTo("BANK-1");
        assertThat(changes).extracting(e -> e.path("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L);
    }

    private List<JsonNode> payoutEvents(String payoutId) {
        return jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE topic = 'payment.payout' AND event_type = 'PayoutStatusChanged'
                        AND aggregate_id = :id ORDER BY seq""")
                .param("id", payoutId).query(String.class).list().stream().map(json::readTree).toList();
    }

    @Test
    void aRejectedPayoutGivesTheMoneyBackOnceAndFreesTheSellerToAskAgain() {
        SellerAccount seller = sellerWithAvailable(150_000);
        String id = request(seller, npr(120_000)).body().path("id").asString();
        assertThat(available(seller)).isEqualTo(30_000);

        assertThat(post("/admin/payouts/" + id + "/reject", admin(), Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(post("/admin/payouts/" + id + "/reject", admin(), Map.of()).status()).isEqualTo(400);
        Response rejected = post("/admin/payouts/" + id + "/reject", admin(), Map.of("reason", "Bank account unverified"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body().path("reason").asString()).isEqualTo("Bank account unverified");
        assertThat(post("/admin/payouts/" + id + "/reject", admin(), Map.of("reason", "again")).body()
                .path("reason").asString()).isEqualTo("Bank account unverified");
        assertThat(post("/admin/payouts/" + id + "/approve", admin(), null).status()).isEqualTo(409);
        assertThat(available(seller)).isEqualTo(150_000);
        assertThat(ledgerTransactions("payout-reject:" + id)).isEqualTo(1);

        JsonNode newest = get("/wallet/entries?size=1", seller.token()).body().path("items").get(0);
        assertThat(newest.path("kind").asString()).isEqualTo("PAYOUT_REJECTED");
        assertThat(newest.path("amount").path("amountMinor").asLong()).isEqualTo(120_000);
        List<JsonNode> changes = payoutEvents(id);
        assertThat(changes).extracting(e -> e.at("/payload/status").asString()).containsExactly("REQUESTED", "REJECTED");
        assertThat(changes.get(1).at("/payload/note").asString()).isEqualTo("Bank account unverified");
        assertThat(request(seller, npr(150_000)).status()).isEqualTo(201);
    }

    @Test
    void twoRequestsForTheWholeBalanceAtOnceOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                SellerAccount seller = sellerWithAvailable(250_000);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return request(seller, npr(250_000));
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS).status());
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 409);
                assertThat(available(seller)).isZero();
                assertThat(jdbc.sql("SELECT count(*) FROM payout WHERE seller_id = ?").param(seller.sellerId())
                        .query(Long.class).single()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void payoutsAreTheSellersOwnAndDecisionsTheAdminsOnly() {
        SellerAccount owner = sellerWithAvailable(100_000);
        String id = request(owner, npr(100_000)).body().path("id").asString();
        SellerAccount other = knownSeller();

        Response foreign = get("/payouts/" + id, other.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.problemType()).isEqualTo(PROBLEMS + "payout-not-found");
        assertThat(get("/payouts/mine", other.token()).body().path("totalItems").asLong()).isZero();
        assertThat(get("/payouts/" + UUID.randomUUID(), owner.token()).status()).isEqualTo(404);
        assertThat(get("/payouts/not-a-uuid", owner.token()).status()).isEqualTo(404);
        assertThat(get("/payouts/mine", user("SELLER").token()).problemType()).as("a seller payments never heard of")
                .isEqualTo(PROBLEMS + "seller-not-found");
        assertThat(post("/admin/payouts/" + UUID.randomUUID() + "/approve", admin(), null).status()).isEqualTo(404);
        assertThat(get("/admin/payouts?status=LOST", admin()).problemType()).isEqualTo(PROBLEMS + "validation");
        assertThat(get("/payouts/mine?size=500", owner.token()).status()).isEqualTo(400);

        List<String[]> sellerCalls = List.of(new String[] {"POST", "/payouts"}, new String[] {"GET", "/payouts/mine"},
                new String[] {"GET", "/payouts/" + id});
        List<String[]> adminCalls = List.of(new String[] {"GET", "/admin/payouts"},
                new String[] {"POST", "/admin/payouts/" + id + "/approve"},
                new String[] {"POST", "/admin/payouts/" + id + "/reject"},
                new String[] {"POST", "/admin/payouts/" + id + "/mark-paid"});
        for (String[] c : concat(sellerCalls, adminCalls)) {
            assertThat(call(c[0], c[1], null, Map.of()).status()).as("%s %s anonymous", c[0], c[1]).isEqualTo(401);
        }
        for (String[] c : sellerCalls) {
            for (String role : List.of("CUSTOMER", "ADMIN")) {
                Response wrong = call(c[0], c[1], user(role).token(), npr(100_000), "Idempotency-Key", "k-" + role);
                assertThat(wrong.status()).as("%s %s as %s", c[0], c[1], role).isEqualTo(403);
            }
        }
        for (String[] c : adminCalls) {
            for (String token : List.of(owner.token(), user("CUSTOMER").token())) {
                assertThat(call(c[0], c[1], token, Map.of("reason", "x", "reference", "y")).status())
                        .as("%s %s", c[0], c[1]).isEqualTo(403);
            }
        }
        assertThat(get("/payouts/" + id, owner.token()).body().path("status").asString()).isEqualTo("REQUESTED");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static List<String[]> concat(List<String[]> a, List<String[]> b) {
        List<String[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
