package io.haat.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.NotificationProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retries wait twice as long each time, up to the cap. */
class BackoffTest {

    @Test
    void doublesUpToTheCap() {
        NotificationProperties.Delivery settings = new NotificationProperties.Delivery(1, Duration.ofMinutes(1),
                Duration.ofSeconds(5), Duration.ofMinutes(1), 8, Duration.ofSeconds(1));

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(100)).isEqualTo(Duration.ofMinutes(1));
    }
}
