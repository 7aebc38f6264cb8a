package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.payment.PaymentProvider;
import io.haat.payment.order.OrderCopies;
import io.haat.payment.order.OrderCopy;
import io.haat.payment.order.PayableOrders;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first transaction of {@code POST /payments}: with the order's copy locked, checks the order takes payments
 * now, computes what is still due — the total minus what its captured, accepted cash-on-delivery and still pending
 * payments hold, so two payments cannot ask for the same remainder — and records the new payment (PENDING, the
 * next attempt). The provider is called after it commits.
 */
@Component
class PaymentStarts {

    private final OrderCopies copies;
    private final PaymentRepository payments;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentStarts(OrderCopies copies, PaymentRepository payments, PaymentProperties properties, Clock clock) {
        this.copies = copies;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Payment open(String orderId, String customerId, PaymentProvider provider, Long amountMinor) {
        OrderCopy order = copies.lock(orderId).filter(copy -> copy.customerId().equals(customerId))
                .orElseThrow(() -> PayableOrders.notFound(orderId));
        Instant now = clock.instant();
        if (!order.acceptsPaymentAt(now)) {
            throw new ConflictException("order-not-payable", "Order does not take payments",
                    "Order " + orderId + " is " + order.status() + (order.known() ? " (payment deadline "
                            + order.paymentDeadline() + ")" : "") + " and takes no payment now.");
        }
        long held = payments.ofOrder(orderId).stream().mapToLong(Payment::holdsMinor).sum();
        long due = order.total().amountMinor() - held;
        if (due <= 0) {
            throw new UnprocessableException("nothing-due", "Nothing is due",
                    "Order " + orderId + " is covered by its captured, accepted and pending payments.");
        }
        long amount = amountMinor == null ? due : amountMinor;
        if (amount > due) {
            throw new UnprocessableException("amount-exceeds-due", "Amount exceeds what is due",
                    "Only " + due + " (minor units of " + order.total().currency() + ") is still due for order "
                            + orderId + ".");
        }
        Payment payment = Payment.start(UUID.randomUUID(), orderId, customerId, payments.nextAttempt(orderId), provider,
                new Money(amount, order.total().currency()), now, now.plus(properties.pendingTimeout()));
        // first look soon, in case the provider's answer is never recorded; PaymentSettlement.begun moves it to settleBy
        payments.insert(payment, now.plus(properties.beginGrace()));
        return payment;
    }
}
