package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.RefundReason;
import io.haat.payment.ledger.Ledger;
import io.haat.payment.ledger.SellerOrderPosition;
import io.haat.payment.order.OrderCopies;
import io.haat.payment.order.OrderCopy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The effects of {@code orders.order} events, inside the consumer's {@code ProcessedEvents.runOnce} transaction:
 * the order copy moves forward; a cash part of the payment choice is accepted at once; a cancellation voids open
 * payments and records the refund of everything captured. Each effect is idempotent by business id too (the copy
 * only moves forward, the cash-on-delivery payment's id is derived from the order, refunds have deterministic ids).
 */
@Component
class OrderEventHandler {

    private final OrderCopies copies;
    private final PaymentRepository payments;
    private final PaymentEvents events;
    private final RefundRequests refunds;
    private final RefundRepository refundRecords;
    private final Ledger ledger;
    private final CashCollections cash;
    private final Clock clock;

    OrderEventHandler(OrderCopies copies, PaymentRepository payments, PaymentEvents events, RefundRequests refunds,
                      RefundRepository refundRecords, Ledger ledger, CashCollections cash, Clock clock) {
        this.cash = cash;
        this.refundRecords = refundRecords;
        this.ledger = ledger;
        this.copies = copies;
        this.payments = payments;
        this.events = events;
        this.refunds = refunds;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void awaitingPayment(OrderAwaitingPayment event, Instant occurredAt) {
        OrderCopy copy = copies.remember(new OrderCopy(event.orderId(), event.customerId(),
                OrderStatus.AWAITING_PAYMENT, event.total(), event.sellerOrders(), event.payment(),
                event.paymentDeadline(), occurredAt)).orElseThrow();
        Money cash = copy.payment().cashOnDelivery();
        if (copy.cancelled() || cash.amountMinor() <= 0) {
            return;
        }
        copies.lock(copy.orderId());
        UUID id = UUID.nameUUIDFromBytes(("cod:" + copy.orderId()).getBytes(StandardCharsets.UTF_8));
        // the customer may have asked for cash on delivery through POST /payments before this event arrived
        boolean cashTaken = payments.ofOrder(copy.orderId()).stream()
                .anyMatch(p -> p.provider() == PaymentProvider.CASH_ON_DELIVERY && (p.open() || p.captured()));
        if (cashTaken || payments.find(id).isPresent()) {
            return;
        }
        events.created(Payment.cashOnDelivery(id, copy.orderId(), copy.customerId(),
                payments.nextAttempt(copy.orderId()), cash, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void confirmed(OrderConfirmed event, Instant occurredAt) {
        copies.remember(new OrderCopy(event.orderId(), event.customerId(), OrderStatus.CONFIRMED, null, null, null,
                null, occurredAt));
    }

    /** Voids open payments and records the refunds; returns the refund ids to carry out after the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> cancelled(OrderCancelled event, Instant occurredAt) {
        copies.remember(new OrderCopy(event.orderId(), event.customerId(), OrderStatus.CANCELLED, null, null, null,
                null, occurredAt));
        copies.lock(event.orderId());
        List<String> asked = new ArrayList<>();
        for (Payment listed : payments.ofOrder(event.orderId())) {
            Payment payment = payments.lock(listed.id()).orElseThrow();
            if (payment.open()) {
                events.apply(payment, payment.fail(PaymentFailureReason.ORDER_CANCELLED,
                        "order cancelled: " + event.reasonCode(), clock.instant()));
            } else if (payment.captured()) {
                refunds.request("cancel:" + event.orderId() + ":" + payment.id(), payment, null,
                        RefundReason.ORDER_CANCELLED, "order cancelled: " + event.reasonCode()).ifPresent(asked::add);
            }
        }
        return asked;
    }

    /**
     * One store's part was cancelled: what that seller order received and has not given back is refunded from the
     * order's captured payments, attempt by attempt ({@code seller-order-cancel:<sellerOrderId>:<paymentId>},
     * SELLER_ORDER_CANCELLED), each taken from that seller order alone. Returns the refund ids to carry out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> sellerOrderCancelled(SellerOrderStatusChanged event) {
        List<String> asked = new ArrayList<>();
        if (event.status() != SellerOrderStatus.CANCELLED) {
            return asked;
        }
        var copy = copies.lock(event.orderId()).filter(OrderCopy::known);
        if (copy.isEmpty() || copy.get().sellerOrders().stream()
                .noneMatch(so -> so.sellerOrderId().equals(event.sellerOrderId()))) {
            return asked;   // nothing was ever captured for a seller order we do not know
        }
        cash.sellerOrderCancelled(copy.get(), event.sellerOrderId());
        String currency = copy.get().total().currency();
        long kept = ledger.refundable(event.orderId(), List.of(event.sellerOrderId()), currency).positions()
                .getOrDefault(event.sellerOrderId(), SellerOrderPosition.NONE).netCaptured();
        long left = kept - refundRecords.inFlightForSellerOrderMinor(event.sellerOrderId());
        for (Payment listed : payments.ofOrder(event.orderId())) {
            String refundId = "seller-order-cancel:" + event.sellerOrderId() + ":" + listed.id();
            if (refundRecords.find(refundId).isPresent()) {
                asked.add(refundId);   // recorded before (a redelivery): counted in what the seller order kept
                continue;
            }
            Payment payment = payments.lock(listed.id()).orElseThrow();
            long amount = Math.min(left, refunds.refundableMinor(payment));
            if (amount > 0) {
                refunds.request(refundId, payment, new Money(amount, currency), RefundReason.SELLER_ORDER_CANCELLED,
                        "seller order " + event.sellerOrderId() + " cancelled", event.sellerOrderId())
                        .ifPresent(asked::add);
                left -= amount;
            }
        }
        return asked;
    }
}
