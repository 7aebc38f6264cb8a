package io.haat.payment.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The payout transition table (see {@link Payout}'s Javadoc): each legal move, each refusal, each no-op. */
class PayoutTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static Payout requested() {
        return Payout.request(UUID.randomUUID(), "seller-1", new Money(5_000, "NPR"), T0);
    }

    private static Payout approved() {
        return requested().approve(T0).state();
    }

    private static Payout rejected() {
        return requested().reject("wrong account", T0).state();
    }

    private static Payout paid() {
        return approved().markPaid("BANK-1", T0).state();
    }

    @Test
    void aRequestIsOpenAndHoldsItsAmount() {
        Payout payout = requested();
        assertThat(payout.status()).isEqualTo(PayoutStatus.REQUESTED);
        assertThat(payout.open()).isTrue();
        assertThat(payout.version()).isEqualTo(1);
        assertThatThrownBy(() -> Payout.request(UUID.randomUUID(), "s", new Money(0, "NPR"), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legalTransitionsMoveOneVersionOnAndRaiseNoEvent() {
        Transition<Payout> approve = requested().approve(T1);
        assertThat(approve.changed()).isTrue();
        assertThat(approve.state().status()).isEqualTo(PayoutStatus.APPROVED);
        assertThat(approve.state().approvedAt()).isEqualTo(T1);
        assertThat(approve.state().version()).isEqualTo(2);
        assertThat(approve.events()).isEmpty();

        for (Payout open : new Payout[] {requested(), approved()}) {
            Transition<Payout> reject = open.reject("no KYC", T1);
            assertThat(reject.state().status()).isEqualTo(PayoutStatus.REJECTED);
            assertThat(reject.state().reason()).isEqualTo("no KYC");
            assertThat(reject.state().rejectedAt()).isEqualTo(T1);
            assertThat(reject.state().version()).isEqualTo(open.version() + 1);
            assertThat(reject.state().open()).isFalse();
            assertThat(reject.events()).isEmpty();
        }

        Transition<Payout> paid = approved().markPaid("BANK-42", T1);
        assertThat(paid.state().status()).isEqualTo(PayoutStatus.PAID);
        assertThat(paid.state().reference()).isEqualTo("BANK-42");
        assertThat(paid.state().paidAt()).isEqualTo(T1);
        assertThat(paid.state().open()).isFalse();
        assertThat(paid.events()).isEmpty();
    }

    @Test
    void alreadyThereIsTheSameInstanceUnchangedAndTheFirstPayloadStands() {
        Payout approved = approved();
        assertUnchanged(approved, p -> p.approve(T1));
        Payout rejected = rejected();
        assertUnchanged(rejected, p -> p.reject("another reason", T1));
        assertThat(rejected.reject("another reason", T1).state().reason()).isEqualTo("wrong account");
        Payout paid = paid();
        assertUnchanged(paid, p -> p.markPaid("BANK-2", T1));
        assertThat(paid.markPaid("BANK-2", T1).state().reference()).isEqualTo("BANK-1");
    }

    @Test
    void illegalTransitionsAreRefusedWithTheCurrentStatus() {
        assertIllegal(requested(), p -> p.markPaid("BANK-1", T1), PayoutStatus.REQUESTED);
        assertIllegal(rejected(), p -> p.approve(T1), PayoutStatus.REJECTED);
        assertIllegal(rejected(), p -> p.markPaid("BANK-1", T1), PayoutStatus.REJECTED);
        assertIllegal(paid(), p -> p.approve(T1), PayoutStatus.PAID);
        assertIllegal(paid(), p -> p.reject("late", T1), PayoutStatus.PAID);
    }

    private static void assertUnchanged(Payout payout, Function<Payout, Transition<Payout>> action) {
        Transition<Payout> transition = action.apply(payout);
        assertThat(transition.changed()).isFalse();
        assertThat(transition.state()).isSameAs(payout);
        assertThat(transition.events()).isEmpty();
    }

    private static void assertIllegal(Payout payout, Function<Payout, Transition<Payout>> action, PayoutStatus status) {
        assertThatThrownBy(() -> action.apply(payout)).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.fromStatus()).isEqualTo(status.name()));
    }
}
