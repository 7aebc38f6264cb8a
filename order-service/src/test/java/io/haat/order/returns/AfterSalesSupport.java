package io.haat.order.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.order.OrderSagaSupport;
import io.haat.order.order.AfterSales;
import io.haat.order.order.OrderSaga;
import io.haat.order.order.SellerOrder;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the return and dispute tests: an order paid and delivered (through the order's own fulfilment
 * transitions), payment-service's refunds, multipart requests with photos, the outbox.
 */
public abstract class AfterSalesSupport extends OrderSagaSupport {

    @Autowired
    protected OrderSaga saga;
    @Autowired
    protected AfterSales afterSales;
    @Autowired
    protected PlatformTransactionManager transactionManager;

    /** A paid order of {@code quantity} × 1000 NPR (+100 shipping) from one store, delivered now. */
    public record Delivered(User customer, User seller, String storeId, String orderId, String sellerOrderId,
                               String sku, Money total) {
    }

    protected Delivered delivered(int quantity) {
        return delivered(user("SELLER"), quantity);
    }

    protected Delivered delivered(User seller, int quantity) {
        String storeId = sellingStore(seller);
        return deliveredFrom(seller, storeId, quantity);
    }

    protected Delivered deliveredFrom(User seller, String storeId, int quantity) {
        String name = "mug" + UUID.randomUUID().toString().substring(0, 8);
        Product mug = sellingProduct(storeId, name, 1000, 50);
        User customer = customer();
        ok(addToCart(customer.token(), null, mug, "SKU-" + name, quantity));
        Response placed = checkout(customer, checkoutBody("SANDBOX"));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asString();
        Money total = money(placed.body().path("total"));
        deliverSaga(envelope(reserved(orderId)));
        deliverSaga(envelope(new PaymentCaptured("pay-" + UUID.randomUUID(), orderId, PaymentProvider.SANDBOX, 1,
                total, clock.instant())));
        String sellerOrderId = order(customer, orderId).path("sellerOrders").get(0).path("id").asString();
        UUID part = UUID.fromString(sellerOrderId);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            saga.change(orderId, o -> o.process(part, saga.now()));
            saga.change(orderId, o -> o.ship(part, new SellerOrder.Shipment("Nepal Post", "NP1", null, saga.now()),
                    saga.now()));
            saga.change(orderId, o -> o.deliver(part, afterSales.returnWindow(storeId), saga.now()));
        });
        return new Delivered(customer, seller, storeId, orderId, sellerOrderId, "SKU-" + name, total);
    }

    protected String sellerOrderStatus(Delivered d) {
        return order(d.customer(), d.orderId()).path("sellerOrders").get(0).path("status").asString();
    }

    protected Response requestReturn(Delivered d, int quantity, String reason) {
        return post("/orders/" + d.orderId() + "/returns", d.customer().token(),
                Map.of("lines", List.of(Map.of("sku", d.sku(), "quantity", quantity)), "reason", reason));
    }

    protected String returned(Delivered d, int quantity, String reason) {
        Response created = requestReturn(d, quantity, reason);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    /** payment-service's refund of {@code amount} carrying out {@code requestId}. */
    protected boolean refunded(Delivered d, String requestId, long amount) {
        return deliverSaga(envelope(new PaymentRefunded("rf-" + UUID.randomUUID(), "pay-x", d.orderId(),
                PaymentProvider.SANDBOX, npr(amount), List.of(new SellerOrderRefund(d.sellerOrderId(), d.storeId(),
                "seller", npr(amount))), RefundReason.RETURN, PaymentStatus.PARTIALLY_REFUNDED, clock.instant(),
                null, requestId)));
    }

    /** The payloads of the outbox events of this type for the order, oldest first. */
    protected List<JsonNode> outboxPayloads(String orderId, String type) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE aggregate_id = ? AND event_type = ? ORDER BY seq")
                .params(orderId, type).query(String.class).list().stream()
                .map(envelope -> json.readTree(envelope).path("payload")).toList();
    }

    /** The audit actions recorded for a resource ({@code type:id}), oldest first. */
    protected List<String> audited(String resourceType, String id) {
        return jdbc.sql("""
                        SELECT payload->'payload'->>'action' FROM outbox
                        WHERE event_type = 'AuditRecorded' AND aggregate_id = ? ORDER BY seq""")
                .param(resourceType + ":" + id).query(String.class).list();
    }

    /** A multipart POST: the return's JSON as part {@code return} and the photos as parts {@code photos}. */
    protected Response withPhotos(String path, String token, Object json, List<byte[]> photos) {
        List<FilePart> files = new java.util.ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            files.add(new FilePart("photos", "photo" + i + ".jpg", "image/jpeg", photos.get(i)));
        }
        return multipart(path, token, "return", json, files);
    }
}
