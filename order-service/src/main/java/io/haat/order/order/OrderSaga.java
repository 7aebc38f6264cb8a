package io.haat.order.order;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.inventory.StockRejected;
import io.haat.events.inventory.StockReservationExpired;
import io.haat.events.inventory.StockReserved;
import io.haat.events.payment.CashOnDeliveryAccepted;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentFailed;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentRefunded;
import io.haat.order.pricing.CouponRedemptions;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other services' events and the deadline mean for an order: load it locked, ask the {@link Order}, save
 * it, publish its events through the outbox and, for an order cancelled before payment, give its coupon uses back,
 * all in the caller's transaction (the consumer's {@code runOnce}, the job's batch, the cancel request).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class OrderSaga {

    private final OrderRepository orders;
    private final EventPublisher publisher;
    private final CouponRedemptions coupons;
    private final OrderProperties properties;
    private final Clock clock;

    public OrderSaga(OrderRepository orders, EventPublisher publisher, CouponRedemptions coupons,
                     OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.publisher = publisher;
        this.coupons = coupons;
        this.properties = properties;
        this.clock = clock;
    }

    public Order reserved(StockReserved event) {
        return change(event.orderId(), order -> order.reserve(event.expiresAt(), now(),
                properties.payment().window(), properties.payment().margin()));
    }

    public Order rejected(StockRejected event) {
        return change(event.orderId(), order -> order.reject(event.unmet(), now()));
    }

    public Order reservationExpired(StockReservationExpired event) {
        return change(event.orderId(), order -> order.expireReservation(now()));
    }

    public Order captured(PaymentCaptured event) {
        return change(event.orderId(), order -> order.recordPayment(new PaymentFact(event.paymentId(),
                event.provider(), event.attempt(), PaymentFact.State.CAPTURED, event.amount(),
                zeroOf(event.amount()), List.of(), event.capturedAt()), now()));
    }

    public Order cashOnDeliveryAccepted(CashOnDeliveryAccepted event) {
        return change(event.orderId(), order -> order.recordPayment(new PaymentFact(event.paymentId(),
                PaymentProvider.CASH_ON_DELIVERY, event.attempt(),
                PaymentFact.State.COD_ACCEPTED, event.amount(), zeroOf(event.amount()), List.of(),
                event.acceptedAt()), now()));
    }

    public Order failed(PaymentFailed event) {
        return change(event.orderId(), order -> order.recordPayment(new PaymentFact(event.paymentId(),
                event.provider(), event.attempt(), PaymentFact.State.FAILED,
                Money.zero(order.total().currency()), Money.zero(order.total().currency()), List.of(),
                event.failedAt()), now()));
    }

    public Order refunded(PaymentRefunded event) {
        return change(event.orderId(), order -> order.recordRefund(event.refundId(), event.paymentId(),
                event.amount(), event.reason(), now()));
    }

    public Order deadlinePassed(UUID orderId) {
        return change(orderId.toString(), order -> order.passDeadline(now()));
    }

    /**
     * Loads the order locked, applies the transition, saves and publishes; returns the order after it. Fulfilment,
     * delivery and after-sales call it too, in their own transactions.
     */
    public Order change(String orderId, Function<Order, Transition<Order>> transition) {
        UUID id = parse(orderId);
        Order before = orders.lock(id).orElseThrow(() -> new UnknownOrderException(orderId));
        Transition<Order> result = transition.apply(before);
        if (!result.changed()) {
            return before;
        }
        Order after = result.state();
        orders.save(before, after);
        for (DomainEvent event : result.events()) {
            publisher.publish(Topics.ORDERS_ORDER, event, after.version());
        }
        if (after.returnsCoupons() && !before.returnsCoupons()) {
            coupons.giveBack(after.id().toString());
        }
        return after;
    }

    private static UUID parse(String orderId) {
        try {
            return UUID.fromString(orderId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnknownOrderException(orderId);
        }
    }

    private static Money zeroOf(Money amount) {
        return Money.zero(amount.currency());
    }

    /** Now, to the microsecond PostgreSQL keeps: what a change answers equals what a later read returns. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
