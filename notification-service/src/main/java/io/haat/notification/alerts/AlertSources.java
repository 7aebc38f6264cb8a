package io.haat.notification.alerts;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.access.RequestDenied;
import io.haat.events.identity.SecurityAlertRaised;
import io.haat.events.inventory.LowStock;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.events.payment.PaymentFailed;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the marketplace's events into admin alerts: identity's security alerts one for one; payment failures and
 * denied requests once a window's count reaches its threshold; low stock, and stock that just ran out. Every alert's
 * id comes from its source (event id, or counter key and window), so redelivered events raise nothing new.
 */
@Component
class AlertSources {

    static final String STOCK = "alert_stock_levels";

    private final AdminAlerts alerts;
    private final AlertProperties properties;
    private final MongoTemplate mongo;
    private final EventRouter security;
    private final EventRouter payments;
    private final EventRouter inventory;
    private final EventRouter access;

    AlertSources(EventEnvelopes envelopes, AdminAlerts alerts, AlertProperties properties, MongoTemplate mongo) {
        this.alerts = alerts;
        this.properties = properties;
        this.mongo = mongo;
        this.security = EventRouter.builder(envelopes).on(SecurityAlertRaised.class, this::securityAlert).build();
        this.payments = EventRouter.builder(envelopes).on(PaymentFailed.class, this::paymentFailed).build();
        this.inventory = EventRouter.builder(envelopes)
                .on(LowStock.class, this::lowStock)
                .on(StockLevelChanged.class, this::stockLevel)
                .build();
        this.access = EventRouter.builder(envelopes).on(RequestDenied.class, this::requestDenied).build();
    }

    @KafkaListener(topics = Topics.SECURITY_ALERTS, groupId = "notification-service.alerts-security")
    void onSecurityAlert(String value) {
        security.dispatch(value);
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYMENT, groupId = "notification-service.alerts-payment")
    void onPayment(String value) {
        payments.dispatch(value);
    }

    @KafkaListener(topics = Topics.SELLER_INVENTORY, groupId = "notification-service.alerts-inventory")
    void onInventory(String value) {
        inventory.dispatch(value);
    }

    @KafkaListener(topics = Topics.ACCESS_DENIED, groupId = "notification-service.alerts-access")
    void onRequestDenied(String value) {
        access.dispatch(value);
    }

    private void securityAlert(EventEnvelope<SecurityAlertRaised> event) {
        SecurityAlertRaised alert = event.payload();
        alerts.raise(Alert.raise(sourceId(Topics.SECURITY_ALERTS, event), AlertKind.SECURITY, alert.kind(),
                AlertSeverity.parse(alert.severity()), alert.subject(), alert.detail(), Topics.SECURITY_ALERTS,
                event.occurredAt()));
    }

    private void paymentFailed(EventEnvelope<PaymentFailed> event) {
        AdminAlerts.WindowCount count = alerts.count("payment-failed", event.eventId().toString(),
                properties.paymentWindow(), event.occurredAt());
        if (count.count() >= properties.paymentFailures()) {
            PaymentFailed failed = event.payload();
            alerts.raise(Alert.raise("payment-failures:" + count.windowStart(), AlertKind.PAYMENT_FAILURES,
                    "PAYMENT_FAILURES", AlertSeverity.HIGH, "payments",
                    "%d or more payments failed within %d minutes (latest: %s via %s, %s)."
                            .formatted(properties.paymentFailures(), properties.paymentWindow().toMinutes(),
                                    failed.paymentId(), failed.provider(), failed.reasonCode()),
                    Topics.PAYMENT_PAYMENT, event.occurredAt()));
        }
    }

    private void lowStock(EventEnvelope<LowStock> event) {
        LowStock low = event.payload();
        alerts.raise(Alert.raise(sourceId(Topics.SELLER_INVENTORY, event), AlertKind.LOW_STOCK, "LOW_STOCK",
                AlertSeverity.LOW, low.storeId() + ":" + low.sku(),
                "%s of store %s is low: %d left (threshold %d).".formatted(low.sku(), low.storeId(), low.available(),
                        low.threshold()), Topics.SELLER_INVENTORY, event.occurredAt()));
    }

    /** Alerts when a SKU's available stock reaches 0 from above (or from unknown), not on every change at 0. */
    private void stockLevel(EventEnvelope<StockLevelChanged> event) {
        StockLevelChanged level = event.payload();
        String key = level.storeId() + ":" + level.sku();
        Document before = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().set("available", level.available()).set("eventId", event.eventId().toString()),
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, STOCK);
        // a redelivery finds its own eventId there: it raised (or not) the first time, and raising is idempotent
        boolean redelivered = before != null && event.eventId().toString().equals(before.getString("eventId"));
        boolean ranOut = level.available() <= 0
                && (before == null || redelivered || before.get("available", Number.class).intValue() > 0);
        if (ranOut) {
            alerts.raise(Alert.raise(sourceId(Topics.SELLER_INVENTORY, event), AlertKind.OUT_OF_STOCK,
                    "OUT_OF_STOCK", AlertSeverity.MEDIUM, key,
                    "%s of store %s is out of stock.".formatted(level.sku(), level.storeId()), Topics.SELLER_INVENTORY,
                    event.occurredAt()));
        }
    }

    private void requestDenied(EventEnvelope<RequestDenied> event) {
        RequestDenied denied = event.payload();
        AdminAlerts.WindowCount count = alerts.count("denied:" + denied.userId(), event.eventId().toString(),
                properties.deniedWindow(), denied.at());
        if (count.count() >= properties.deniedRequests()) {
            alerts.raise(Alert.raise("unusual-access:" + denied.userId() + ":" + count.windowStart(),
                    AlertKind.UNUSUAL_ACCESS, "UNUSUAL_ACCESS", AlertSeverity.HIGH, denied.userId(),
                    "User %s was refused (403/404) %d times within %d minutes; latest %d on %s %s at %s from %s."
                            .formatted(denied.userId(), count.count(), properties.deniedWindow().toMinutes(),
                                    denied.status(), denied.method(), denied.path(), denied.service(), denied.ip()),
                    Topics.ACCESS_DENIED, event.occurredAt()));
        }
    }

    private static String sourceId(String topic, EventEnvelope<?> event) {
        return topic + ":" + event.eventId();
    }
}
