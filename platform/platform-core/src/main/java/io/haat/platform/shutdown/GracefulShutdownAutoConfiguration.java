package io.haat.platform.shutdown;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.InstanceInfo;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Graceful shutdown of every service, once for all (the settings are in {@code META-INF/haat/shutdown-defaults.properties}:
 * {@code server.shutdown=graceful}, the phase timeout, Kafka listeners that finish their last poll): on SIGTERM the
 * {@link ReadinessDrain} announces the end first (readiness DOWN, Eureka DOWN), then the Kafka listeners finish the
 * record in hand and commit, the web server finishes the requests in flight, and the outbox relay sends what they wrote.
 */
@AutoConfiguration(afterName = "org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration")
@EnableConfigurationProperties(ShutdownProperties.class)
public class GracefulShutdownAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReadinessDrain readinessDrain(ApplicationEventPublisher events, ObjectProvider<ReadinessDrain.Announcement> announcements,
                                  ShutdownProperties properties) {
        List<ReadinessDrain.Announcement> all = announcements.orderedStream().toList();
        return new ReadinessDrain(events, all, properties.drainDelay());
    }

    /** A service registered in Eureka is marked DOWN there at once (on-demand status update), before it stops serving. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ApplicationInfoManager.class)
    static class EurekaAnnouncement {

        @Bean
        @ConditionalOnBean(ApplicationInfoManager.class)
        ReadinessDrain.Announcement eurekaInstanceDown(ApplicationInfoManager instance) {
            return new ReadinessDrain.Announcement() {
                @Override
                public void announce() {
                    instance.setInstanceStatus(InstanceInfo.InstanceStatus.DOWN);
                }

                @Override
                public void withdraw() {
                    instance.setInstanceStatus(InstanceInfo.InstanceStatus.UP);
                }
            };
        }
    }
}
