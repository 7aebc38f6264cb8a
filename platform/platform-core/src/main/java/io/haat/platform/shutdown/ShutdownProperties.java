package io.haat.platform.shutdown;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code haat.shutdown.*}.
 *
 * @param drainDelay how long a stopping instance keeps serving after it announced it is going (readiness DOWN, Eureka
 *                   DOWN), so that whoever routes to it stops first; {@code 0} skips the wait
 */
@ConfigurationProperties("haat.shutdown")
public record ShutdownProperties(Duration drainDelay) {

    public ShutdownProperties {
        drainDelay = drainDelay == null || drainDelay.isNegative() ? Duration.ZERO : drainDelay;
    }
}
