package io.haat.payment.payment;

import io.haat.events.Topics;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Saves a payment's transition and hands its events to the outbox ({@code payment.payment}), in one transaction. */
@Component
class PaymentEvents {

    private final PaymentRepository payments;
    private final EventPublisher publisher;
    private final Clock clock;

    PaymentEvents(PaymentRepository payments, EventPublisher publisher, Clock clock) {
        this.payments = payments;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Stores a new payment and publishes the events of its creation. */
    @Transactional(propagation = Propagation.MANDATORY)
    Payment created(Transition<Payment> creation) {
        Payment payment = creation.state();
        payments.insert(payment, payment.settleBy());
        creation.events().forEach(event -> publisher.publish(Topics.PAYMENT_PAYMENT, event, payment.version()));
        return payment;
    }

    /** Stores the new state if it changed and publishes its events; returns the payment as it now is. */
    @Transactional(propagation = Propagation.MANDATORY)
    Payment apply(Payment before, Transition<Payment> transition) {
        if (!transition.changed()) {
            return before;
        }
        Payment after = transition.state();
        payments.save(before, after, clock.instant());
        transition.events().forEach(event -> publisher.publish(Topics.PAYMENT_PAYMENT, event, after.version()));
        return after;
    }
}
