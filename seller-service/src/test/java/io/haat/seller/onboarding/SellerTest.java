package io.haat.seller.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.seller.SellerStatusChanged;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.seller.TransitionOutcomes;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seller's transition table: legal → new state and its event; illegal → refused; already there → no-op. */
class SellerTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final BusinessDetails DETAILS = new BusinessDetails("Shop", "Shop Pvt Ltd", "PAN-1", "a@b.np", null,
            new BusinessAddress("Road 1", null, "Pokhara", null, null, "np"), null);

    private static Seller pending() {
        return Seller.apply("user-1", DETAILS, NOW).state();
    }

    private static Seller in(SellerStatus status) {
        return switch (status) {
            case PENDING -> pending();
            case APPROVED -> pending().approve("admin", NOW).state();
            case REJECTED -> pending().reject("bad tax id", "admin", NOW).state();
            case BANNED -> pending().approve("admin", NOW).state().ban("fraud", "admin", NOW).state();
        };
    }

    private static SellerStatusChanged event(Seller seller, io.haat.events.seller.SellerStatus status, String reason) {
        return new SellerStatusChanged(seller.id().toString(), "user-1", "Shop", status, reason);
    }

    @Test
    void anApplicationIsPendingAtVersionZeroAndAnnounced() {
        Transition<Seller> applied = Seller.apply("user-1", DETAILS, NOW);
        Seller seller = applied.state();

        assertThat(seller.status()).isEqualTo(SellerStatus.PENDING);
        assertThat(seller.version()).isZero();
        assertThat(seller.details().address().country()).isEqualTo("NP");
        assertThat(applied.events()).containsExactly(event(seller, io.haat.events.seller.SellerStatus.PENDING, null));
    }

    @Test
    void anApprovalRecordsWhoDecidedAndRaisesTheNewStatus() {
        Seller before = pending();
        Transition<Seller> approved = before.approve("admin-1", LATER);

        assertThat(approved.state().isApproved()).isTrue();
        assertThat(approved.state().decidedBy()).isEqualTo("admin-1");
        assertThat(approved.state().decidedAt()).isEqualTo(LATER);
        assertThat(approved.state().version()).isEqualTo(before.version() + 1);
        assertThat(approved.events())
                .containsExactly(event(before, io.haat.events.seller.SellerStatus.APPROVED, null));
    }

    @Test
    void aSecondRejectionOrBanKeepsTheFirstReason() {
        Seller rejected = in(SellerStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("bad tax id");
        assertThat(rejected.reject("another reason", "admin-2", LATER)).isEqualTo(Transition.unchanged(rejected));

        Seller banned = in(SellerStatus.BANNED);
        assertThat(banned.ban("another reason", "admin-2", LATER)).isEqualTo(Transition.unchanged(banned));
        assertThat(banned.statusReason()).isEqualTo("fraud");
    }

    @Test
    void aRejectedSellerMayApplyAgainWithNewDetails() {
        Seller rejected = in(SellerStatus.REJECTED);
        assertThat(rejected.mayApplyAgain()).isTrue();
        BusinessDetails corrected = new BusinessDetails("Better Shop", "Better Shop Pvt Ltd", "PAN-2", "a@b.np", null,
                DETAILS.address(), null);

        Transition<Seller> again = rejected.resubmit(corrected, LATER);
        assertThat(again.state().status()).isEqualTo(SellerStatus.PENDING);
        assertThat(again.state().statusReason()).isNull();
        assertThat(again.state().submittedAt()).isEqualTo(LATER);
        assertThat(again.events()).containsExactly(new SellerStatusChanged(rejected.id().toString(), "user-1",
                "Better Shop", io.haat.events.seller.SellerStatus.PENDING, null));
        assertThat(in(SellerStatus.PENDING).mayApplyAgain()).isFalse();
        assertThat(in(SellerStatus.APPROVED).mayApplyAgain()).isFalse();
    }

    @Test
    void anUnbanReturnsToTheStatusBeforeTheBan() {
        Seller banned = in(SellerStatus.BANNED);
        assertThat(banned.isApproved()).isFalse();
        assertThat(banned.statusBeforeBan()).isEqualTo(SellerStatus.APPROVED);
        Transition<Seller> unbanned = banned.unban("admin", LATER);
        assertThat(unbanned.state().status()).isEqualTo(SellerStatus.APPROVED);
        assertThat(unbanned.state().statusReason()).isNull();
        assertThat(unbanned.events()).containsExactly(event(banned, io.haat.events.seller.SellerStatus.APPROVED, null));

        Seller bannedWhilePending = pending().ban("spam", "admin", NOW).state();
        assertThat(bannedWhilePending.unban("admin", NOW).state().status()).isEqualTo(SellerStatus.PENDING);
    }

    @Test
    void aRefusalNamesTheCurrentStatus() {
        assertThatThrownBy(() -> in(SellerStatus.APPROVED).reject("late", "admin", NOW))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("A seller that is APPROVED cannot be rejected.")
                .extracting(e -> ((IllegalTransition) e).type().toString()).asString()
                .endsWith("/illegal-seller-transition");
    }

    /** Each action from each status: the new status, "no-op" or "refused". */
    @ParameterizedTest
    @EnumSource(SellerStatus.class)
    void transitionTable(SellerStatus from) {
        String[] expected = switch (from) {
            //                   resubmit    approve     reject      ban        unban
            case PENDING -> new String[] {"refused", "APPROVED", "REJECTED", "BANNED", "no-op"};
            case APPROVED -> new String[] {"refused", "no-op", "refused", "BANNED", "no-op"};
            case REJECTED -> new String[] {"PENDING", "refused", "no-op", "BANNED", "no-op"};
            case BANNED -> new String[] {"refused", "refused", "refused", "no-op", "APPROVED"};
        };
        List<Function<Seller, Transition<Seller>>> actions = List.of(
                s -> s.resubmit(DETAILS, LATER), s -> s.approve("admin", LATER), s -> s.reject("why", "admin", LATER),
                s -> s.ban("why", "admin", LATER), s -> s.unban("admin", LATER));
        for (int i = 0; i < actions.size(); i++) {
            assertThat(outcome(in(from), actions.get(i))).as(from + " action " + i).isEqualTo(expected[i]);
        }
    }

    private static String outcome(Seller before, Function<Seller, Transition<Seller>> action) {
        return TransitionOutcomes.outcome(before, action, "seller", Seller::status, Seller::version,
                t -> assertThat(t.events()).singleElement()
                .isInstanceOfSatisfying(SellerStatusChanged.class,
                        e -> assertThat(e.status().name()).isEqualTo(t.state().status().name())));
    }
}
