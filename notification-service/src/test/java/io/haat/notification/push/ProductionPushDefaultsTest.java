package io.haat.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.notification.NotificationApplication;
import io.haat.platform.secrets.InsecureSecretsException;
import io.haat.test.ServiceEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A throwaway VAPID pair is generated only in development; in production missing keys refuse the start, naming the
 * variables (rather than running with keys that change on every restart and break every browser's subscription).
 */
class ProductionPushDefaultsTest {

    @Test
    void keysAreGeneratedOnlyInDevelopment() {
        assertThat(ServiceEnvironment.of(NotificationApplication.class)
                .getProperty("haat.push.vapid.generate-when-missing", Boolean.class)).isTrue();
        assertThat(ServiceEnvironment.of(NotificationApplication.class, "local")
                .getProperty("haat.push.vapid.generate-when-missing", Boolean.class)).isTrue();
        assertThat(ServiceEnvironment.of(NotificationApplication.class, "prod")
                .getProperty("haat.push.vapid.generate-when-missing", Boolean.class)).isFalse();
    }

    @Test
    void withoutKeysTheProductionServiceRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NotificationApplication.class).profiles("prod")
                .web(WebApplicationType.NONE).logStartupInfo(false).run().close())
                .isInstanceOf(InsecureSecretsException.class)
                .hasMessageContaining("haat.push.vapid.private-key is not set: set HAAT_VAPID_PRIVATE_KEY");
    }
}
