package io.haat.notification.events;

import static io.haat.notification.events.OrderEventsListener.id;
import static io.haat.notification.events.OrderEventsListener.orderData;
import static io.haat.notification.events.OrderEventsListener.orderLink;
import static io.haat.notification.notice.Amounts.format;
import static io.haat.notification.notice.Amounts.shortId;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentFailed;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.PayoutStatusChanged;
import io.haat.notification.notice.Notice;
import io.haat.notification.notice.NotificationType;
import io.haat.notification.notice.Notifier;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.util.Locale;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Payments, refunds and payouts, from {@code payment.payment} and {@code payment.payout}. Payment events do not name
 * the customer: the order's copy (from {@code OrderPlaced}) does.
 */
@Component
class PaymentEventsListener {

    private static final String GROUP = OrderEventsListener.GROUP;

    private final Notifier notifier;
    private final Recipients recipients;
    private final EventRouter payments;
    private final EventRouter payouts;

    PaymentEventsListener(EventEnvelopes envelopes, Notifier notifier, Recipients recipients) {
        this.notifier = notifier;
        this.recipients = recipients;
        this.payments = EventRouter.builder(envelopes)
                .on(PaymentCaptured.class, this::captured)
                .on(PaymentFailed.class, this::failed)
                .on(PaymentRefunded.class, this::refunded)
                .build();
        this.payouts = EventRouter.builder(envelopes).on(PayoutStatusChanged.class, this::payout).build();
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYMENT, groupId = GROUP)
    void onPaymentEvent(String value) {
        payments.dispatch(value);
    }

    @KafkaListener(topics = Topics.PAYMENT_PAYOUT, groupId = GROUP)
    void onPayoutEvent(String value) {
        payouts.dispatch(value);
    }

    private void captured(EventEnvelope<PaymentCaptured> event) {
        PaymentCaptured payment = event.payload();
        notifier.notify(new Notice(id(event), recipients.customer(payment.orderId(), null),
                NotificationType.PAYMENT_RECEIVED, "Payment received for order " + shortId(payment.orderId()),
                "We received your payment of " + format(payment.amount()) + ". Thank you!",
                orderLink(payment.orderId()), orderData(payment.orderId(), Map.of("paymentId", payment.paymentId(),
                        "amount", format(payment.amount())))));
    }

    private void failed(EventEnvelope<PaymentFailed> event) {
        PaymentFailed payment = event.payload();
        notifier.notify(new Notice(id(event), recipients.customer(payment.orderId(), null),
                NotificationType.PAYMENT_FAILED, "Payment for order " + shortId(payment.orderId()) + " failed",
                "Your payment did not go through"
                        + (payment.reason() != null ? " (" + payment.reason() + ")" : "")
                        + ". You can try again or choose another payment method.",
                orderLink(payment.orderId()), orderData(payment.orderId(), Map.of("paymentId", payment.paymentId(),
                        "reason", payment.reasonCode().name()))));
    }

    private void refunded(EventEnvelope<PaymentRefunded> event) {
        PaymentRefunded refund = event.payload();
        notifier.notify(new Notice(id(event), recipients.customer(refund.orderId(), null),
                NotificationType.REFUND_ISSUED, "Refund issued for order " + shortId(refund.orderId()),
                "We refunded " + format(refund.amount()) + ". It can take a few days to show on your statement.",
                orderLink(refund.orderId()), orderData(refund.orderId(), Map.of("refundId", refund.refundId(),
                        "amount", format(refund.amount())))));
    }

    private void payout(EventEnvelope<PayoutStatusChanged> event) {
        PayoutStatusChanged payout = event.payload();
        String user = payout.userId() != null ? payout.userId() : recipients.sellerUser(payout.sellerId());
        String status = payout.status().toUpperCase(Locale.ROOT);
        String body = switch (status) {
            case "PAID" -> "Your payout of " + format(payout.amount()) + " was paid to your account.";
            case "APPROVED" -> "Your payout of " + format(payout.amount()) + " was approved and will be paid soon.";
            case "REJECTED" -> "Your payout of " + format(payout.amount()) + " was rejected"
                    + (payout.note() != null ? ": " + payout.note() : ".");
            default -> "We have your payout request of " + format(payout.amount()) + ".";
        };
        notifier.notify(new Notice(id(event), user, NotificationType.PAYOUT_UPDATED,
                "Payout " + status.toLowerCase(Locale.ROOT), body, "/seller/payouts",
                Map.of("payoutId", payout.payoutId(), "status", status, "amount", format(payout.amount()))));
    }
}
