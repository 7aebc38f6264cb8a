package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.payment.CashOnDeliveryAccepted;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentFailed;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The transition table of {@link Payment}. */
class PaymentTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Money AMOUNT = new Money(5_000, "NPR");

    private static Payment pending(PaymentProvider provider) {
        return Payment.start(UUID.randomUUID(), "order-1", "customer-1", 2, provider, AMOUNT, AT, AT.plusSeconds(900));
    }

    private static Payment captured() {
        return pending(PaymentProvider.SANDBOX).capture(AMOUNT, AT).state();
    }

    private static List<SellerOrderRefund> part(long minor) {
        return List.of(new SellerOrderRefund("so-1", "store-1", "seller-1", new Money(minor, "NPR")));
    }

    @Test
    void aPendingPaymentIsCapturedOrFailedOnceWithItsEvent() {
        Payment pending = pending(PaymentProvider.SANDBOX);
        Transition<Payment> capture = pending.capture(AMOUNT, AT);
        assertThat(capture.state().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(capture.state().capturedMinor()).isEqualTo(5_000);
        assertThat(capture.state().version()).isEqualTo(pending.version() + 1);
        assertThat(capture.events()).singleElement().isInstanceOfSatisfying(PaymentCaptured.class, event -> {
            assertThat(event.attempt()).isEqualTo(2);
            assertThat(event.amount()).isEqualTo(AMOUNT);
        });
        Transition<Payment> fail = pending.fail(PaymentFailureReason.DECLINED, "declined", AT);
        assertThat(fail.state().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(fail.events()).singleElement().isInstanceOfSatisfying(PaymentFailed.class,
                event -> assertThat(event.reasonCode()).isEqualTo(PaymentFailureReason.DECLINED));
    }

    @Test
    void alreadyThereIsUnchangedAndAFailureNeverUndoesACapture() {
        Payment captured = captured();
        assertThat(captured.capture(AMOUNT, AT)).isEqualTo(Transition.unchanged(captured));
        assertThat(captured.fail(PaymentFailureReason.DECLINED, "late failure report", AT))
                .isEqualTo(Transition.unchanged(captured));
        Payment failed = pending(PaymentProvider.SANDBOX).fail(PaymentFailureReason.EXPIRED, "x", AT).state();
        assertThat(failed.fail(PaymentFailureReason.DECLINED, "again", AT)).isEqualTo(Transition.unchanged(failed));
        // the provider took the money after all: the capture wins
        assertThat(failed.capture(AMOUNT, AT).state().status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void cashOnDeliveryIsAcceptedThenCapturedOrVoided() {
        Transition<Payment> accepted = Payment.cashOnDelivery(UUID.randomUUID(), "order-1", "customer-1", 1, AMOUNT, AT);
        assertThat(accepted.state().status()).isEqualTo(PaymentStatus.COD_ACCEPTED);
        assertThat(accepted.events()).singleElement().isInstanceOf(CashOnDeliveryAccepted.class);
        assertThat(accepted.state().accept(AT)).isEqualTo(Transition.unchanged(accepted.state()));
        assertThat(pending(PaymentProvider.CASH_ON_DELIVERY).accept(AT).state().status())
                .isEqualTo(PaymentStatus.COD_ACCEPTED);
        assertThatThrownBy(() -> pending(PaymentProvider.SANDBOX).accept(AT)).isInstanceOf(IllegalTransition.class);
        assertThat(accepted.state().fail(PaymentFailureReason.ORDER_CANCELLED, "cancelled", AT).state().status())
                .isEqualTo(PaymentStatus.FAILED);
        assertThat(accepted.state().holdsMinor()).isEqualTo(5_000);
    }

    @Test
    void refundsArePartialThenFullAndNeverExceedWhatWasCaptured() {
        Payment captured = captured();
        Transition<Payment> part = captured.refund("r1", new Money(2_000, "NPR"), part(2_000), null,
                RefundReason.ADMIN, AT);
        assertThat(part.state().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(part.events()).singleElement().isInstanceOfSatisfying(PaymentRefunded.class,
                event -> assertThat(event.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED));
        Payment full = part.state().refund("r2", new Money(3_000, "NPR"), part(3_000), null, RefundReason.ADMIN, AT)
                .state();
        assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(full.refundableMinor()).isZero();
        assertThatThrownBy(() -> part.state().refund("r3", new Money(3_001, "NPR"), part(3_001), null,
                RefundReason.ADMIN, AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> full.refund("r4", new Money(1, "NPR"), part(1), null, RefundReason.ADMIN, AT))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> pending(PaymentProvider.SANDBOX).refund("r5", AMOUNT, part(5_000), null,
                RefundReason.ADMIN, AT)).isInstanceOf(IllegalTransition.class);
    }
}
