package io.haat.platform.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.config.HaatDefaultsEnvironmentPostProcessor;
import io.haat.platform.messaging.outbox.OutboxRelayLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/** SIGTERM: readiness DOWN first, then the Kafka listeners, the web server's in-flight requests, the outbox relay. */
class GracefulShutdownTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GracefulShutdownAutoConfiguration.class))
            .withUserConfiguration(StopOrder.class);

    @Test
    void everyServiceShutsDownGracefullyByDefault() {
        StandardEnvironment environment = new StandardEnvironment();
        new HaatDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
        assertThat(environment.getProperty("spring.kafka.listener.immediate-stop")).isEqualTo("false");
        assertThat(environment.getProperty("haat.shutdown.drain-delay")).isEqualTo("0s");
    }

    @Test
    void readinessGoesDownAndEurekaIsToldBeforeAnythingStops() {
        runner.run(context -> {
            StopOrder order = context.getBean(StopOrder.class);
            context.close();

            assertThat(order.events).containsExactly("readiness REFUSING_TRAFFIC", "eureka DOWN",
                    "kafka listeners stopped", "web server drained", "outbox relay stopped");
        });
    }

    @Test
    void aStoppedContextThatStartsAgainIsReadyAgain() {
        // a context can be stopped and started again (Spring's test context cache pauses the ones it is not using)
        runner.run(context -> {
            StopOrder order = context.getBean(StopOrder.class);
            context.stop();
            context.start();

            assertThat(order.events).startsWith("readiness REFUSING_TRAFFIC", "eureka DOWN")
                    .containsSubsequence("readiness REFUSING_TRAFFIC", "readiness ACCEPTING_TRAFFIC", "eureka UP");
        });
    }

    @Test
    void theDrainDelayPassesBetweenTheAnnouncementAndTheFirstStop() {
        runner.withPropertyValues("haat.shutdown.drain-delay=400ms").run(context -> {
            StopOrder order = context.getBean(StopOrder.class);
            context.close();

            assertThat(order.nanos.get(2) - order.nanos.get(0)).as("readiness DOWN → kafka listeners stopped")
                    .isGreaterThanOrEqualTo(400_000_000L);
        });
    }

    @Test
    void theOutboxRelayStopsOnlyAfterTheWebServerFinishedItsRequests() {
        // the web server's own stop runs 1024 below its graceful shutdown
        assertThat(OutboxRelayLoop.PHASE).isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024);
        assertThat(ReadinessDrain.PHASE).isGreaterThan(AbstractMessageListenerContainer.DEFAULT_PHASE);
    }

    /** Records the shutdown as it happens, with stand-ins at the real phases of what stops. */
    @Configuration(proxyBeanMethods = false)
    static class StopOrder {

        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Long> nanos = new CopyOnWriteArrayList<>();

        void record(String event) {
            events.add(event);
            nanos.add(System.nanoTime());
        }

        @Bean
        ApplicationListener<AvailabilityChangeEvent<?>> readinessRecorder() {
            return event -> record("readiness " + event.getState());
        }

        @Bean
        ReadinessDrain.Announcement eureka() {
            return new ReadinessDrain.Announcement() {
                @Override
                public void announce() {
                    record("eureka DOWN");
                }

                @Override
                public void withdraw() {
                    record("eureka UP");
                }
            };
        }

        @Bean
        SmartLifecycle kafkaListeners() {
            return new Recording(AbstractMessageListenerContainer.DEFAULT_PHASE, () -> record("kafka listeners stopped"));
        }

        @Bean
        SmartLifecycle webServerGracefulShutdown() {
            return new Recording(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE, () -> record("web server drained"));
        }

        @Bean
        SmartLifecycle outboxRelay() {
            return new Recording(OutboxRelayLoop.PHASE, () -> record("outbox relay stopped"));
        }
    }

    private static final class Recording implements SmartLifecycle {

        private final int phase;
        private final Runnable onStop;
        private volatile boolean running;

        Recording(int phase, Runnable onStop) {
            this.phase = phase;
            this.onStop = onStop;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            onStop.run();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return phase;
        }
    }
}
