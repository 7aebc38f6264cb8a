package io.haat.order.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.orders.DisputeChanged;
import io.haat.events.orders.DisputeChanged.Outcome;
import io.haat.events.orders.RefundRequested;
import io.haat.events.payment.RefundReason;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.UnprocessableException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dispute's transition table, without Spring. */
class DisputeTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Money REFUNDABLE = npr(1200);

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private static Dispute open() {
        return Dispute.open(UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), "store-1", "seller-1",
                UUID.randomUUID(), "never arrived", "NPR", T0).state();
    }

    @Test
    void openingAndMessagesAreAnnounced() {
        Transition<Dispute> opened = Dispute.open(UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(),
                "store-1", "seller-1", UUID.randomUUID(), "never arrived", "NPR", T0);
        assertThat(opened.state().status()).isEqualTo(Dispute.Status.OPEN);
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(DisputeChanged.class,
                e -> assertThat(e.kind()).isEqualTo(DisputeChanged.Kind.OPENED));
        Transition<Dispute> message = opened.state().postMessage("seller-user", T0.plusSeconds(5));
        assertThat(message.state().version()).isEqualTo(2);
        assertThat(message.events()).singleElement().isInstanceOfSatisfying(DisputeChanged.class, e -> {
            assertThat(e.kind()).isEqualTo(DisputeChanged.Kind.MESSAGE);
            assertThat(e.by()).isEqualTo("seller-user");
        });
    }

    @Test
    void aFullRefundGivesBackEverythingRefundable() {
        Dispute dispute = open();
        Transition<Dispute> resolved = dispute.resolve(Outcome.FULL_REFUND, null, "refund it", REFUNDABLE, "admin",
                T0);
        assertThat(resolved.state().status()).isEqualTo(Dispute.Status.RESOLVED);
        assertThat(resolved.state().refund()).isEqualTo(REFUNDABLE);
        assertThat(resolved.events()).hasSize(2);
        assertThat(resolved.events().get(0)).isInstanceOfSatisfying(DisputeChanged.class, e -> {
            assertThat(e.kind()).isEqualTo(DisputeChanged.Kind.RESOLVED);
            assertThat(e.outcome()).isEqualTo(Outcome.FULL_REFUND);
            assertThat(e.refund()).isEqualTo(REFUNDABLE);
        });
        assertThat(resolved.events().get(1)).isInstanceOfSatisfying(RefundRequested.class, e -> {
            assertThat(e.requestId()).isEqualTo("dispute:" + dispute.id());
            assertThat(e.reason()).isEqualTo(RefundReason.DISPUTE);
            assertThat(e.amount()).isEqualTo(REFUNDABLE);
        });
    }

    @Test
    void aPartialRefundIsHeldToWhatWasPaid() {
        Transition<Dispute> partial = open().resolve(Outcome.PARTIAL_REFUND, npr(500), "half", REFUNDABLE, "admin",
                T0);
        assertThat(partial.state().refund()).isEqualTo(npr(500));
        assertThat(partial.events()).hasSize(2);
        assertThatThrownBy(() -> open().resolve(Outcome.PARTIAL_REFUND, npr(1201), "too much", REFUNDABLE, "admin",
                T0)).isInstanceOfSatisfying(UnprocessableException.class,
                e -> assertThat(e.type().toString()).endsWith("/refund-exceeds-paid"));
        assertThatThrownBy(() -> open().resolve(Outcome.PARTIAL_REFUND, null, "how much?", REFUNDABLE, "admin", T0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> open().resolve(Outcome.FULL_REFUND, null, "nothing paid", npr(0), "admin", T0))
                .isInstanceOf(UnprocessableException.class);
    }

    @Test
    void aRejectionRefundsNothingAndAResolvedDisputeStaysResolved() {
        Transition<Dispute> rejected = open().resolve(Outcome.REJECTED, null, "no proof", REFUNDABLE, "admin", T0);
        assertThat(rejected.state().refund()).isEqualTo(npr(0));
        assertThat(rejected.events()).singleElement().isInstanceOf(DisputeChanged.class);
        Transition<Dispute> again = rejected.state().resolve(Outcome.FULL_REFUND, null, "changed my mind",
                REFUNDABLE, "admin", T0);
        assertThat(again.changed()).isFalse();
        assertThat(again.state()).isSameAs(rejected.state());
        assertThatThrownBy(() -> rejected.state().postMessage("customer", T0))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.getMessage()).contains("RESOLVED"));
    }

    @Test
    void refundsAreCountedOnce() {
        Dispute resolved = open().resolve(Outcome.PARTIAL_REFUND, npr(500), "half", REFUNDABLE, "admin", T0).state();
        Dispute counted = resolved.recordRefund("rf-1", npr(500), T0).state();
        assertThat(counted.refundDone()).isTrue();
        assertThat(counted.recordRefund("rf-1", npr(500), T0).changed()).isFalse();
        assertThatThrownBy(() -> open().recordRefund("rf-1", npr(1), T0)).isInstanceOf(IllegalTransition.class);
    }
}
