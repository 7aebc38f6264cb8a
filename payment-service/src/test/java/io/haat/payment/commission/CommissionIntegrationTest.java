package io.haat.payment.commission;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.haat.events.EventEnvelope;
import com.nimbusds.jwt.SignedJWT;
import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.seller.CommissionChanged;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.payment.ledger.AccountKind;
import io.haat.payment.ledger.CommissionPolicy;
import io.haat.payment.ledger.CommissionRates;
import io.haat.payment.ledger.Ledger;
import io.haat.platform.messaging.MalformedEventException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Commission rules learnt from {@code seller.commission} (history kept, each event once), the rate of each seller
 * order as in force when its order was placed, and seller-service's look-up when no rule is known.
 *
 * <p>Default rules are platform-wide and the database is shared by the test classes, so each test works in a
 * century of its own (a default announced at its start wins over any earlier one), and the look-up tests ask about
 * 1990, before any rule.
 */
class CommissionIntegrationTest extends PaymentIntegrationTest {

    private static final AtomicInteger CENTURY = new AtomicInteger(22);

    @Autowired
    private CommissionEventsListener listener;
    @Autowired
    private CommissionPolicy policy;
    @Autowired
    private Ledger ledger;

    private static Instant at(int year, String monthDay) {
        return Instant.parse(year + "-" + monthDay + "T00:00:00Z");
    }

    private static int year() {
        return CENTURY.getAndIncrement() * 100;
    }

    private String announce(String scope, String scopeId, String category, int bps, Long min, Long max, Instant from) {
        String ruleId = UUID.randomUUID().toString();
        listener.onCommissionEvent(envelopes.toJson(EventEnvelope.of(new CommissionChanged(ruleId, scope, scopeId,
                category, bps, min, max, min == null && max == null ? null : "NPR", from), 1)));
        return ruleId;
    }

    private static SellerOrderTotals part(String store, String seller, long amount) {
        return SellerOrderTotals.undiscounted(UUID.randomUUID().toString(), store, seller, new Money(amount, "NPR"));
    }

    private int bps(Instant placedAt, SellerOrderTotals part) {
        return policy.ratesAt(placedAt, List.of(part)).basisPoints(part);
    }

    @Test
    void theMostSpecificRuleInForceWhenTheOrderWasPlacedAppliesAndLaterRulesChangeNothingBefore() {
        int y = year();
        String store = UUID.randomUUID().toString();
        String seller = UUID.randomUUID().toString();
        String sistersStore = UUID.randomUUID().toString();
        announce("DEFAULT", null, null, 1_000, null, null, at(y, "01-01"));
        announce("STORE", store, "books", 50, null, null, at(y, "02-01"));   // per category: not used
        announce("SELLER", seller, null, 800, null, null, at(y, "03-01"));
        announce("STORE", store, null, 500, null, null, at(y, "06-01"));
        announce("STORE", store, null, 300, null, null, at(y, "09-01"));

        SellerOrderTotals ours = part(store, seller, 10_000);
        SellerOrderTotals sisters = part(sistersStore, seller, 10_000);
        SellerOrderTotals strangers = part(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 10_000);

        assertThat(bps(at(y, "02-15"), ours)).as("default; the category rule ignored").isEqualTo(1_000);
        assertThat(bps(at(y, "04-01"), ours)).as("the seller's").isEqualTo(800);
        assertThat(bps(at(y, "07-01"), ours)).as("the store's").isEqualTo(500);
        assertThat(bps(at(y, "10-01"), ours)).as("the store's later rule").isEqualTo(300);
        assertThat(bps(at(y, "07-01"), ours)).as("an order placed before it keeps the earlier rule").isEqualTo(500);
        assertThat(bps(at(y, "07-01"), sisters)).as("another store of the seller").isEqualTo(800);
        assertThat(bps(at(y, "07-01"), strangers)).isEqualTo(1_000);

        CommissionRates rates = policy.ratesAt(at(y, "07-01"), List.of(ours, sisters, strangers));
        assertThat(List.of(rates.basisPoints(ours), rates.basisPoints(sisters), rates.basisPoints(strangers)))
                .containsExactly(500, 800, 1_000);
        assertThatThrownBy(() -> rates.basisPoints(part(store, seller, 1))).as("a seller order not asked about")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRulesMinimumAndMaximumBoundTheCommissionTheLedgerPosts() {
        int y = year();
        String store = UUID.randomUUID().toString();
        String seller = UUID.randomUUID().toString();
        announce("STORE", store, null, 1_000, 300L, 2_000L, at(y, "01-01"));
        SellerOrderTotals small = part(store, seller, 1_000);
        SellerOrderTotals large = part(store, seller, 100_000);
        CommissionRates rates = policy.ratesAt(at(y, "05-05"), List.of(small, large));

        String order = UUID.randomUUID().toString();
        List<SellerOrderTotals> split = List.of(withOrder(small, order, 0), withOrder(large, order, 1));
        CommissionRates orderRates = policy.ratesAt(at(y, "05-05"), split);
        ledger.postCapture(UUID.randomUUID().toString(), order, new Money(101_000, "NPR"), split, orderRates);

        assertThat(rates.commissionMinor(small, new Money(1_000, "NPR"))).isEqualTo(300);
        assertThat(rates.commissionMinor(large, new Money(100_000, "NPR"))).isEqualTo(2_000);
        assertThat(commissionPosted(split.get(0).sellerOrderId())).isEqualTo(300);
        assertThat(commissionPosted(split.get(1).sellerOrderId())).isEqualTo(2_000);
        assertThat(earnings(seller)).isEqualTo(101_000 - 2_300);
    }

    private static SellerOrderTotals withOrder(SellerOrderTotals part, String order, int i) {
        return SellerOrderTotals.undiscounted(order + "-" + i, part.storeId(), part.sellerId(), part.total());
    }

    private long commissionPosted(String sellerOrderId) {
        return -jdbc.sql("""
                        SELECT coalesce(sum(e.amount_minor), 0) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.seller_order_id = ? AND a.kind = 'COMMISSION_REVENUE'""")
                .param(sellerOrderId).query(Long.class).single();
    }

    private long earnings(String seller) {
        return -jdbc.sql("""
                        SELECT coalesce(sum(e.amount_minor), 0) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                        WHERE a.seller_id = ? AND a.kind = ?""")
                .param(seller).param(AccountKind.SELLER_PENDING.name()).query(Long.class).single();
    }

    @Test
    void eachRuleIsLearntOnceAndAnImpossibleRuleGoesToTheDeadLetters() {
        String store = UUID.randomUUID().toString();
        String json = envelopes.toJson(EventEnvelope.of(new CommissionChanged(UUID.randomUUID().toString(), "STORE",
                store, null, 700, null, null, null, Instant.parse("2400-01-01T00:00:00Z")), 1));
        listener.onCommissionEvent(json);
        listener.onCommissionEvent(json);

        assertThat(jdbc.sql("SELECT count(*) FROM commission_rule WHERE scope_id = ?").param(store)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer_group = 'payment-service.commission' "
                + "AND event_id = ?").param(envelopes.parse(json).eventId()).query(Long.class).single()).isEqualTo(1);

        for (CommissionChanged impossible : List.of(
                new CommissionChanged(UUID.randomUUID().toString(), "GALAXY", store, null, 700, null, null, null,
                        Instant.parse("2400-01-01T00:00:00Z")),
                new CommissionChanged(UUID.randomUUID().toString(), "STORE", store, null, 10_001, null, null, null,
                        Instant.parse("2400-01-01T00:00:00Z")))) {
            String bad = envelopes.toJson(EventEnvelope.of(impossible, 1));
            assertThatThrownBy(() -> listener.onCommissionEvent(bad)).isInstanceOf(MalformedEventException.class);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM commission_rule WHERE scope_id = ?").param(store)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutAKnownRuleSellerServiceIsAskedForTheRuleAtOrderTime() throws Exception {
        String store = UUID.randomUUID().toString();
        Instant placedAt = Instant.parse("1990-05-01T10:00:00Z");
        SellerServiceStub.get().stubFor(WireMock.get(urlPathEqualTo("/admin/commissions/applicable"))
                .withQueryParam("storeId", equalTo(store))
                .willReturn(okJson("""
                        {"storeId": "%s", "categoryId": null, "at": "1990-05-01T10:00:00Z",
                         "rule": {"id": "%s", "scope": "STORE", "scopeId": "%s", "categoryId": null, "basisPoints": 750,
                                  "minimumFee": {"amountMinor": 100, "currency": "NPR"}, "maximumFee": null,
                                  "effectiveFrom": "1989-01-01T00:00:00Z", "createdAt": "1989-01-01T00:00:00Z",
                                  "createdBy": "admin"},
                         "exampleAmount": null, "exampleFee": null}""".formatted(store, UUID.randomUUID(), store))));
        SellerOrderTotals part = part(store, UUID.randomUUID().toString(), 500);

        CommissionRates rates = policy.ratesAt(placedAt, List.of(part));

        assertThat(rates.basisPoints(part)).isEqualTo(750);
        assertThat(rates.commissionMinor(part, new Money(500, "NPR"))).as("its minimum").isEqualTo(100);
        SellerServiceStub.get().verify(getRequestedFor(urlPathEqualTo("/admin/commissions/applicable"))
                .withQueryParam("storeId", equalTo(store))
                .withQueryParam("at", equalTo("1990-05-01T10:00:00Z"))
                .withHeader("Authorization", matching("Bearer .+")));
        String token = SellerServiceStub.get().findAll(getRequestedFor(urlPathEqualTo("/admin/commissions/applicable"))
                .withQueryParam("storeId", equalTo(store))).getFirst().getHeader("Authorization").substring(7);
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("azp"))
                .as("a haat-services client-credentials token, the only one seller-service admits there")
                .isEqualTo("haat-services");
    }

    @Test
    void whenNoRuleIsKnownAndSellerServiceCannotTellTheRateIsNeverGuessed() {
        for (int status : List.of(404, 503)) {
            String store = UUID.randomUUID().toString();
            SellerServiceStub.get().stubFor(WireMock.get(urlPathEqualTo("/admin/commissions/applicable"))
                    .withQueryParam("storeId", equalTo(store))
                    .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"type\": \"https://haat.io/problems/not-found\", \"status\": " + status + "}")));
            SellerOrderTotals part = part(store, UUID.randomUUID().toString(), 500);

            assertThatThrownBy(() -> policy.ratesAt(Instant.parse("1990-05-01T10:00:00Z"), List.of(part)))
                    .as("seller-service answering %d", status)
                    .isInstanceOf(CommissionUnknownException.class).hasMessageContaining(store);
        }
    }
}
