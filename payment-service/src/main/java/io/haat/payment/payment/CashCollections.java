package io.haat.payment.payment;

import io.haat.events.orders.CashSplit;

import io.haat.events.Money;
import io.haat.events.orders.CashCollected;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentStatus;
import io.haat.payment.ledger.CommissionPolicy;
import io.haat.payment.ledger.Ledger;
import io.haat.payment.order.OrderCopies;
import io.haat.payment.order.OrderCopy;
import io.haat.platform.messaging.MalformedEventException;
import java.time.Clock;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code CashCollected}: the cash of one delivery captures that part of the order's cash-on-delivery payment, once per
 * delivery id. The amount must be exactly what is still uncollected of the seller order's cash due
 * ({@link CashSplit}); otherwise — or without an accepted cash payment to collect for — the event is refused as
 * malformed (straight to {@code orders.order.DLT}, nothing recorded): order-service checked the amount against the
 * same rule before publishing, so a difference is a bug or a tampered event for people to look at, never money to
 * book. Each collection posts a capture to the ledger ({@code cod:<deliveryId>}); the payment stays COD_ACCEPTED
 * (partially collected: {@code cod_collection} holds what was collected) until the collections add up to its amount,
 * then it is CAPTURED and {@code PaymentCaptured} is published. A seller order cancelled before its cash was collected
 * has its cash due waived ({@link #sellerOrderCancelled}): the payment is then captured for what was collected.
 */
@Component
class CashCollections {

    private final OrderCopies copies;
    private final PaymentRepository payments;
    private final CashCollectionRepository collections;
    private final PaymentEvents events;
    private final Ledger ledger;
    private final CommissionPolicy commission;
    private final Clock clock;

    CashCollections(OrderCopies copies, PaymentRepository payments, CashCollectionRepository collections,
                    PaymentEvents events, Ledger ledger, CommissionPolicy commission, Clock clock) {
        this.copies = copies;
        this.payments = payments;
        this.collections = collections;
        this.events = events;
        this.ledger = ledger;
        this.commission = commission;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void collected(CashCollected event) {
        if (collections.exists(event.deliveryId())) {
            return;
        }
        OrderCopy copy = copies.lock(event.orderId()).filter(OrderCopy::known)
                .orElseThrow(() -> refused(event, "the order is not known here"));
        Payment cod = payments.ofOrder(event.orderId()).stream()
                .filter(p -> p.provider() == PaymentProvider.CASH_ON_DELIVERY
                        && (p.status() == PaymentStatus.COD_ACCEPTED || p.captured()))
                .max(Comparator.comparingInt(Payment::attempt))
                .orElseThrow(() -> refused(event, "the order has no accepted cash-on-delivery payment"));
        Payment payment = payments.lock(cod.id()).orElseThrow();
        if (payment.status() != PaymentStatus.COD_ACCEPTED) {
            throw refused(event, "its cash-on-delivery payment is " + payment.status());
        }
        if (!event.amount().currency().equals(payment.amount().currency())) {
            throw refused(event, "the amount is in " + event.amount().currency() + ", the payment in "
                    + payment.amount().currency());
        }
        Long due = CashSplit.dueOf(copy.sellerOrders(), payment.amount()).get(event.sellerOrderId());
        if (due == null) {
            throw refused(event, "seller order " + event.sellerOrderId() + " is not part of the order");
        }
        long uncollected = due - collections.settledMinor(payment.id(), event.sellerOrderId());
        if (event.amount().amountMinor() != uncollected) {
            throw refused(event, "collected " + event.amount().amountMinor() + " but " + uncollected
                    + " of its cash is uncollected");
        }
        collections.insert(event, payment.id(), clock.instant());
        ledger.postCashCollected(event.deliveryId(), payment.id().toString(), event.orderId(), event.sellerOrderId(),
                event.amount(), copy.sellerOrders(), commission.ratesAt(copy.placedAt(), copy.sellerOrders()));
        settleIfComplete(payment);
    }

    /**
     * A seller order was cancelled (before shipment, so before its cash was collected): its uncollected cash due is
     * waived once, so that the payment can still be captured for what the other seller orders' deliveries collect.
     * Nothing for an order without an accepted cash payment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void sellerOrderCancelled(OrderCopy copy, String sellerOrderId) {
        var cod = payments.ofOrder(copy.orderId()).stream()
                .filter(p -> p.provider() == PaymentProvider.CASH_ON_DELIVERY && p.status() == PaymentStatus.COD_ACCEPTED)
                .findFirst();
        if (cod.isEmpty()) {
            return;
        }
        Payment payment = payments.lock(cod.get().id()).orElseThrow();
        long due = CashSplit.dueOf(copy.sellerOrders(), payment.amount()).getOrDefault(sellerOrderId, 0L);
        long uncollected = due - collections.settledMinor(payment.id(), sellerOrderId);
        if (uncollected > 0 && collections.waive(payment.id(), copy.orderId(), sellerOrderId,
                new Money(uncollected, payment.amount().currency()), clock.instant())) {
            settleIfComplete(payment);
        }
    }

    // every seller order's cash collected or waived: CAPTURED for what was collected, FAILED if nothing was
    private void settleIfComplete(Payment payment) {
        CashCollectionRepository.Totals totals = collections.totals(payment.id());
        if (totals.settledMinor() != payment.amount().amountMinor()) {
            return;
        }
        events.apply(payment, totals.collectedMinor() > 0
                ? payment.capture(new Money(totals.collectedMinor(), payment.amount().currency()), clock.instant())
                : payment.fail(PaymentFailureReason.COD_NOT_COLLECTED, "the seller orders paid in cash were cancelled",
                        clock.instant()));
    }

    private static MalformedEventException refused(CashCollected event, String why) {
        return new MalformedEventException("CashCollected of delivery " + event.deliveryId() + " (order "
                + event.orderId() + ", " + event.amount().amountMinor() + " " + event.amount().currency()
                + ") refused: " + why, null);
    }
}
