package io.haat.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.notice.Channel;
import io.haat.notification.notice.NotificationType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults by category, and the emails that cannot be switched off. */
class UserPreferencesTest {

    @Test
    void defaultsSendEverythingButMarketingMail() {
        UserPreferences defaults = UserPreferences.defaults("u");

        assertThat(defaults.allows(NotificationType.ORDER_PLACED, Channel.EMAIL)).isTrue();
        assertThat(defaults.allows(NotificationType.LOW_STOCK, Channel.PUSH)).isTrue();
        assertThat(defaults.allows(NotificationType.PROMOTIONS, Channel.EMAIL)).isFalse();
        assertThat(defaults.allows(NotificationType.PROMOTIONS, Channel.IN_APP)).isTrue();
    }

    @Test
    void aRequiredEmailIsSentWhateverIsStored() {
        UserPreferences stored = new UserPreferences("u", Map.of(
                NotificationType.PAYMENT_FAILED, new ChannelChoice(false, false, false),
                NotificationType.LOW_STOCK, new ChannelChoice(false, true, false)));

        assertThat(stored.allows(NotificationType.PAYMENT_FAILED, Channel.EMAIL)).isTrue();
        assertThat(stored.allows(NotificationType.PAYMENT_FAILED, Channel.PUSH)).isFalse();
        assertThat(stored.allows(NotificationType.LOW_STOCK, Channel.EMAIL)).isFalse();
        assertThat(stored.allows(NotificationType.LOW_STOCK, Channel.IN_APP)).isFalse();
    }
}
