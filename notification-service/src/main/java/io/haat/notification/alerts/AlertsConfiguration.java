package io.haat.notification.alerts;

import io.haat.platform.security.RolePaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertsConfiguration {

    /** The feed, acknowledgements and the stream are for admins: 403 for anyone else, before the body is read. */
    @Bean
    RolePaths adminAlertRoles() {
        return RolePaths.of().require("/admin/alerts/**", "ADMIN");
    }
}
