package io.haat.seller.seller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SellerTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final BusinessDetails DETAILS = new BusinessDetails("Shop", "Shop Pvt Ltd", "PAN-1", "a@b.np", null,
            new BusinessAddress("Road 1", null, "Pokhara", null, null, "np"), null);

    @Test
    void anApplicationIsApprovedOrRejectedOnlyWhilePending() {
        Seller pending = Seller.apply("user-1", DETAILS, NOW);
        assertThat(pending.status()).isEqualTo(SellerStatus.PENDING);
        assertThat(pending.details().address().country()).isEqualTo("NP");

        Seller approved = pending.approve("admin", NOW);
        assertThat(approved.isApproved()).isTrue();
        assertThat(approved.decidedBy()).isEqualTo("admin");
        assertThatThrownBy(() -> approved.approve("admin", NOW)).isInstanceOf(IllegalSellerTransition.class);
        assertThatThrownBy(() -> approved.reject("late", "admin", NOW)).isInstanceOf(IllegalSellerTransition.class);

        Seller rejected = pending.reject("bad tax id", "admin", NOW);
        assertThat(rejected.statusReason()).isEqualTo("bad tax id");
        assertThat(rejected.resubmit(DETAILS, NOW).status()).isEqualTo(SellerStatus.PENDING);
        assertThatThrownBy(() -> approved.resubmit(DETAILS, NOW)).isInstanceOf(IllegalSellerTransition.class);
    }

    @Test
    void anUnbanReturnsToTheStatusBeforeTheBan() {
        Seller approved = Seller.apply("user-1", DETAILS, NOW).approve("admin", NOW);
        Seller banned = approved.ban("fraud", "admin", NOW);
        assertThat(banned.status()).isEqualTo(SellerStatus.BANNED);
        assertThat(banned.isApproved()).isFalse();
        assertThatThrownBy(() -> banned.ban("again", "admin", NOW)).isInstanceOf(IllegalSellerTransition.class);
        assertThat(banned.unban("admin", NOW).status()).isEqualTo(SellerStatus.APPROVED);

        Seller bannedWhilePending = Seller.apply("user-2", DETAILS, NOW).ban("spam", "admin", NOW);
        assertThat(bannedWhilePending.unban("admin", NOW).status()).isEqualTo(SellerStatus.PENDING);
        assertThatThrownBy(() -> approved.unban("admin", NOW)).isInstanceOf(IllegalSellerTransition.class);
    }
}
