package io.haat.order.order;

import io.haat.events.Topics;
import io.haat.events.inventory.StockRejected;
import io.haat.events.inventory.StockReservationExpired;
import io.haat.events.inventory.StockReserved;
import io.haat.events.payment.CashOnDeliveryAccepted;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentFailed;
import io.haat.events.payment.PaymentRefunded;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's inbound steps: seller-service's answers on {@code seller.inventory} and payment-service's facts on
 * {@code payment.payment}, each applied once ({@code runOnce}) by {@link OrderSaga}. Other types on those topics
 * (stock levels, payment types order-service does not follow) are ignored; unparsable records go to the DLT. A refund
 * is also handed to every {@link RefundFollowUp} (returns and disputes settle their refund requests), in the same
 * transaction.
 */
@Component
public class OrderSagaListener {

    static final String GROUP = "order-service.orders";

    private final EventRouter router;

    public OrderSagaListener(EventEnvelopes envelopes, ProcessedEvents processed, OrderSaga saga,
                             List<RefundFollowUp> followUps) {
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(StockReserved.class, event -> saga.reserved(event.payload()))
                .on(StockRejected.class, event -> saga.rejected(event.payload()))
                .on(StockReservationExpired.class, event -> saga.reservationExpired(event.payload()))
                .on(PaymentCaptured.class, event -> saga.captured(event.payload()))
                .on(CashOnDeliveryAccepted.class, event -> saga.cashOnDeliveryAccepted(event.payload()))
                .on(PaymentFailed.class, event -> saga.failed(event.payload()))
                .on(PaymentRefunded.class, event -> {
                    saga.refunded(event.payload());
                    followUps.forEach(followUp -> followUp.refunded(event.payload()));
                })
                .build();
    }

    @KafkaListener(topics = {Topics.SELLER_INVENTORY, Topics.PAYMENT_PAYMENT},
            groupId = "${haat.order.kafka.group-prefix:order-service}.orders")
    public void onEvent(String value) {
        router.dispatch(value);
    }

    /** Applies one record value as Kafka delivers it; false for a duplicate or a type not followed here. */
    public boolean handle(String value) {
        return router.dispatch(value);
    }
}
