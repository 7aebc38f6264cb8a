package io.haat.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The profile's rules and the name split Keycloak needs. */
class UserProfileTest {

    private final UserProfile profile = UserProfile.create(UUID.randomUUID(), "a@b.test", "Ann Lee", "+9779800000001",
            Set.of("CUSTOMER"), Origin.PASSWORD, false, Instant.now());

    @Test
    void aNewNumberIsUnverifiedAndACodeForAnotherNumberVerifiesNothing() {
        assertThat(profile.markPhoneVerified("+9779800000009")).isFalse();
        assertThat(profile.markPhoneVerified("+9779800000001")).isTrue();
        assertThat(profile.phoneVerified()).isTrue();

        assertThat(profile.changePhone("+9779800000001")).isFalse();
        assertThat(profile.phoneVerified()).isTrue();
        assertThat(profile.changePhone("+9779800000002")).isTrue();
        assertThat(profile.phoneVerified()).isFalse();
        assertThat(profile.changePhone(null)).isTrue();
        assertThat(profile.markPhoneVerified("+9779800000002")).isFalse();
    }

    @Test
    void aBanHoldsItsReasonAndActorUntilLifted() {
        UUID admin = UUID.randomUUID();
        assertThat(profile.ban("spam", admin, Instant.now())).isTrue();
        assertThat(profile.ban("again", admin, Instant.now())).isFalse();
        assertThat(profile.banReason()).isEqualTo("spam");
        assertThat(profile.bannedBy()).isEqualTo(admin);
        assertThat(profile.unban()).isTrue();
        assertThat(profile.unban()).isFalse();
        assertThat(profile.banReason()).isNull();
        assertThat(profile.status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void rolesAreSortedAndOnlyMarketplaceRolesCount() {
        profile.syncRoles(Set.of("SELLER", "ADMIN"));
        assertThat(profile.roles()).containsExactly("ADMIN", "SELLER");
        assertThat(ProfileService.marketplaceRoles(Set.of("CUSTOMER", "offline_access", "default-roles-haat")))
                .containsExactly("CUSTOMER");
    }

    @Test
    void fullNamesSplitForKeycloak() {
        assertThat(PersonName.of("Ram Bahadur  Thapa")).isEqualTo(new PersonName("Ram Bahadur", "Thapa"));
        assertThat(PersonName.of(" Madonna ")).isEqualTo(new PersonName("Madonna", "-"));
    }
}
