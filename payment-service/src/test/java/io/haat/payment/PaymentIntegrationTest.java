package io.haat.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.payment.payment.OrderEventsListener;
import io.haat.payment.wallet.SellerEventsListener;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.MutableClock;
import io.haat.test.TestJwts;
import io.haat.test.http.HttpApiTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of payment-service's integration tests: real PostgreSQL and Kafka, real JWTs, the
 * service's clock movable ({@link MutableClock}), and WireMock as order-service and Stripe's API (the
 * {@code haat-services} client-credentials tokens come from the embedded issuer of platform-test). The jobs run only when a test calls them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "haat.payment.payments.job-interval=1h",
        "haat.payment.payments.frontend-url=http://shop.test/payments/result",
        "haat.payment.payments.return-url=http://shop.test/api/v1/payments/return"})
@HaatIntegrationTest
@Import(PaymentIntegrationTest.Clocks.class)
public abstract class PaymentIntegrationTest extends HttpApiTest {

    protected static final TestJwts JWTS = HaatInfrastructure.get().jwt();
    /** order-service's payable look-up, for every test class of this context. */
    protected static final WireMockServer ORDER_SERVICE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    /** Stripe's API (PaymentIntents), so that Stripe is an available provider here; PayPal, Khalti, eSewa are not. */
    protected static final WireMockServer STRIPE = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    protected static final String STRIPE_WEBHOOK_SECRET = "whsec_integration_test";

    static {
        ORDER_SERVICE.start();
        STRIPE.start();
    }

    @DynamicPropertySource
    static void remoteServices(DynamicPropertyRegistry registry) {
        registry.add("haat.payment.order-service.url", ORDER_SERVICE::baseUrl);
        registry.add("haat.payment.providers.stripe.base-url", STRIPE::baseUrl);
        registry.add("haat.payment.providers.stripe.secret-key", () -> "sk_test_integration");
        registry.add("haat.payment.providers.stripe.webhook-secret", () -> STRIPE_WEBHOOK_SECRET);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventEnvelopes envelopes;
    @Autowired
    protected SellerEventsListener sellerEvents;
    @Autowired
    protected OrderEventsListener orderEvents;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected io.haat.payment.commission.CommissionEventsListener commissionEvents;

    /** The commission of the tests' orders: 10 % for a store, as seller-service announces it on seller.commission. */
    protected static final int COMMISSION_BASIS_POINTS = 1_000;

    /** A new store with the tests' 10 % commission rule in force since long ago. */
    protected String storeWithCommission() {
        String storeId = "store-" + UUID.randomUUID();
        commissionEvents.onCommissionEvent(envelopes.toJson(EventEnvelope.of(new io.haat.events.seller.CommissionChanged(
                UUID.randomUUID().toString(), "STORE", storeId, null, COMMISSION_BASIS_POINTS, null, null, null,
                java.time.Instant.EPOCH), 1)));
        return storeId;
    }


    /** A seller account payment-service has heard of from seller-service. */
    protected record SellerAccount(String userId, String token, String sellerId) {
    }


    /** A SELLER user whose approval seller-service announced on {@code seller.seller}, as Kafka delivers it. */
    protected SellerAccount knownSeller() {
        User user = user("SELLER");
        String sellerId = UUID.randomUUID().toString();
        sellerEvents.onSellerEvent(envelopes.toJson(EventEnvelope.of(
                new SellerStatusChanged(sellerId, user.id(), "Shop " + sellerId.substring(0, 6), SellerStatus.APPROVED,
                        null), 1)));
        return new SellerAccount(user.id(), user.token(), sellerId);
    }

    protected static Money inNpr(long minor) {
        return new Money(minor, "NPR");
    }

    /**
     * An order of two seller orders (60 % and 40 % of {@code total}) awaiting payment for an hour, as order-service
     * announces it on {@code orders.order}; {@code cash} is the part the customer pays on delivery.
     */
    protected OrderAwaitingPayment awaitingPayment(User customer, long total, PaymentProvider provider, long cash) {
        String orderId = UUID.randomUUID().toString();
        long first = total * 6 / 10;
        OrderAwaitingPayment event = new OrderAwaitingPayment(orderId, customer.id(), inNpr(total), List.of(
                SellerOrderTotals.undiscounted(UUID.randomUUID().toString(), storeWithCommission(), "seller-a", inNpr(first)),
                SellerOrderTotals.undiscounted(UUID.randomUUID().toString(), storeWithCommission(), "seller-b",
                        inNpr(total - first))),
                new PaymentChoice(provider, inNpr(cash)), clock.instant().plus(Duration.ofHours(1)));
        deliver(event);
        return event;
    }

    protected OrderAwaitingPayment awaitingPayment(User customer, long total) {
        return awaitingPayment(customer, total, PaymentProvider.SANDBOX, 0);
    }

    /** order-service cancels the order (a new event each time, as a redelivery by another path would be). */
    protected void cancel(OrderAwaitingPayment order, CancellationReason reason) {
        deliver(new OrderCancelled(order.orderId(), order.customerId(), "cancelled", reason, true));
    }

    /** Delivers an {@code orders.order} event as Kafka would; returns the message (to deliver it again). */
    protected String deliver(io.haat.events.DomainEvent event) {
        String json = envelopes.toJson(EventEnvelope.of(event, 1, clock.instant()));
        orderEvents.onOrderEvent(json);
        return json;
    }

    /** The outbox rows of one type for an aggregate (a payment id), oldest first: their payloads. */
    protected List<tools.jackson.databind.JsonNode> outbox(String eventType, String aggregateId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE event_type = :type AND aggregate_id = :id ORDER BY seq")
                .param("type", eventType).param("id", aggregateId).query(String.class).list().stream()
                .map(json::readTree).toList();
    }

    /** How many outbox rows of this type mention the order (payment events carry the order id in the payload). */
    protected long outboxForOrder(String eventType, String orderId) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_type = :type AND payload -> 'payload' ->> 'orderId' = :id")
                .param("type", eventType).param("id", orderId).query(Long.class).single();
    }

    /** A payment's status as stored. */
    protected String paymentStatus(String paymentId) {
        return jdbc.sql("SELECT status FROM payment WHERE id = :id::uuid").param("id", paymentId)
                .query(String.class).single();
    }

    /** What an order's entries on accounts of a kind add up to, credits positive (e.g. SELLER_PENDING, REFUNDS). */
    protected long ledgerCredit(String orderId, String accountKind) {
        return jdbc.sql("""
                        SELECT coalesce(-sum(e.amount_minor), 0) FROM ledger_entry e
                        JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.order_id = :order AND a.kind = :kind""")
                .param("order", orderId).param("kind", accountKind).query(Long.class).single();
    }

    protected long ledgerTransactions(String kind, String orderId) {
        return jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE kind = :kind AND order_id = :id")
                .param("kind", kind).param("id", orderId).query(Long.class).single();
    }
}
