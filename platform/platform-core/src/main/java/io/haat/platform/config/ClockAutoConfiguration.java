package io.haat.platform.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of a service (UTC): every class that needs the time injects it instead of calling
 * {@code Instant.now()}, so a test can replace it with its own {@code Clock} bean (which makes this one back off).
 */
@AutoConfiguration
public final class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
