package io.haat.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every service gets one UTC {@link Clock}; a service or test that declares its own replaces it. */
class ClockAutoConfigurationTest {

    private static final Instant PINNED = Instant.parse("2026-03-01T10:15:30Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void servicesGetTheSystemClockInUtc() {
        runner.run(context -> assertThat(context).getBean(Clock.class).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void aDeclaredClockReplacesIt() {
        runner.withUserConfiguration(PinnedClock.class)
                .run(context -> assertThat(context).hasSingleBean(Clock.class)
                        .getBean(Clock.class).extracting(Clock::instant).isEqualTo(PINNED));
    }

    @Configuration(proxyBeanMethods = false)
    static class PinnedClock {

        @Bean
        Clock pinnedClock() {
            return Clock.fixed(PINNED, ZoneOffset.UTC);
        }
    }
}
