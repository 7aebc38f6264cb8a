package io.haat.notification.events;

import static io.haat.notification.events.OrderNotificationsTest.awaitMails;
import static io.haat.notification.events.OrderNotificationsTest.order;
import static io.haat.notification.events.OrderNotificationsTest.shortId;
import static io.haat.notification.events.OrderNotificationsTest.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.identity.UserRegistered;
import io.haat.events.inventory.LowStock;
import io.haat.events.orders.DeliveryStatus;
import io.haat.events.orders.DeliveryStatusChanged;
import io.haat.events.orders.GeoPoint;
import io.haat.events.orders.ReturnStatus;
import io.haat.events.orders.ReturnStatusChanged;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.PayoutStatusChanged;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import io.haat.notification.support.NotificationApiTest;
import io.haat.notification.support.SseClient;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seller's side (approval, low stock of their store, payouts, a return request) and the customer's delivery,
 * refund and return messages, each to the right person as the local copies of users, sellers, stores and orders tell.
 */
class SellerAndDeliveryNotificationsTest extends NotificationApiTest {

    @Test
    void aSellerHearsAboutApprovalLowStockPayoutsAndReturns() {
        User seller = user("SELLER");
        String email = "seller-" + seller.id().substring(0, 8) + "@shop.test";
        String sellerId = "seller-" + UUID.randomUUID();
        String storeId = "store-" + UUID.randomUUID();
        publish(Topics.IDENTITY_USER, new UserRegistered(seller.id(), email, "Nadia Crafts", "SELLER"));
        publish(Topics.SELLER_SELLER, new SellerStatusChanged(sellerId, seller.id(), "Nadia's Crafts",
                SellerStatus.APPROVED, null));
        publish(Topics.SELLER_STORE, new StoreChanged(storeId, sellerId, "Nadia's Lanterns", "nadias-lanterns",
                StoreStatus.values()[0]));
        awaitMails(email, 2);
        publish(Topics.SELLER_INVENTORY, new LowStock(storeId, null, "LANTERN-RED", 2, 5));
        publish(Topics.PAYMENT_PAYOUT, new PayoutStatusChanged("payout-1", sellerId, null, new Money(500_000, "PKR"),
                "PAID", null, Instant.now()));
        User customer = user("CUSTOMER");
        String orderId = UUID.randomUUID().toString();
        publish(Topics.ORDERS_ORDER, order(orderId, customer.id()));
        publish(Topics.ORDERS_ORDER, new ReturnStatusChanged("return-1", orderId, "so-1", storeId, customer.id(),
                ReturnStatus.REQUESTED, List.of(), null, "too small", Instant.now()));

        List<MimeMessage> mails = awaitMails(email, 5);
        assertThat(mails).extracting(OrderNotificationsTest::subject).containsExactlyInAnyOrder(
                "Welcome to Haat · Haat",
                "Your seller application was approved · Haat",
                "Low stock: LANTERN-RED · Haat",
                "Payout paid · Haat",
                "Return requested for order " + shortId(orderId) + " · Haat");
        assertThat(get("/notifications", seller.token()).body().path("items").toString())
                .contains("LOW_STOCK").contains("\"sku\":\"LANTERN-RED\"").contains("PAYOUT_UPDATED");
    }

    @Test
    void theCustomerFollowsTheDeliveryLiveAndHearsAboutShippingRefundsAndReturns() throws Exception {
        User customer = user("CUSTOMER");
        String email = "follow-" + customer.id().substring(0, 8) + "@shop.test";
        publish(Topics.IDENTITY_USER, new UserRegistered(customer.id(), email, "Omar Farooq", "CUSTOMER"));
        String orderId = UUID.randomUUID().toString();
        publish(Topics.ORDERS_ORDER, order(orderId, customer.id()));
        awaitMails(email, 2);

        try (SseClient stream = SseClient.open(port, customer.token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            // customerId left out, as before the contract's part 2: the order's copy names the customer
            publish(Topics.ORDERS_ORDER, new SellerOrderStatusChanged("so-1", orderId, "store-1",
                    SellerOrderStatus.SHIPPED, new Money(250_000, "PKR"), Instant.now()));
            publish(Topics.ORDERS_ORDER, new DeliveryStatusChanged("delivery-1", orderId, "so-1", "store-1",
                    customer.id(), "agent-1", DeliveryStatus.OUT_FOR_DELIVERY, null, null, null,
                    new GeoPoint(27.7, 85.3), null, null, null, Instant.now()));

            SseClient.Event shipped = stream.next("order.shipped", Duration.ofSeconds(20));
            assertThat(shipped).isNotNull();
            SseClient.Event moving = stream.next("delivery.status", Duration.ofSeconds(20));
            assertThat(moving).isNotNull();
            assertThat(moving.data()).contains("OUT_FOR_DELIVERY").contains("27.7").contains(orderId);
        }
        publish(Topics.PAYMENT_PAYMENT, new PaymentRefunded("refund-1", "payment-1", orderId,
                PaymentProvider.SANDBOX, new Money(250_000, "PKR"),
                List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", new Money(250_000, "PKR"))),
                RefundReason.RETURN, PaymentStatus.REFUNDED, Instant.now()));
        publish(Topics.ORDERS_ORDER, new ReturnStatusChanged("return-2", orderId, "so-1", "store-1", customer.id(),
                ReturnStatus.APPROVED, List.of(), null, null, Instant.now()));

        List<MimeMessage> mails = awaitMails(email, 5);
        assertThat(mails).extracting(OrderNotificationsTest::subject).contains(
                "Your order " + shortId(orderId) + " has shipped · Haat",
                "Refund issued for order " + shortId(orderId) + " · Haat",
                "Return for order " + shortId(orderId) + ": approved · Haat");
        assertThat(mails.stream().map(OrderNotificationsTest::subject)).as("no mail per delivery step")
                .noneMatch(s -> s.contains("out for delivery"));
        assertThat(subject(mails.getFirst())).isNotBlank();
    }
}
