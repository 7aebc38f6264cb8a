package io.haat.payment.payout;

import io.haat.platform.security.RolePaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Payouts: sellers ask for theirs, admins decide; the wrong role gets 403 before the body is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutProperties.class)
public class PayoutConfiguration {

    @Bean
    RolePaths payoutRoles() {
        return RolePaths.of().require("/payouts", "SELLER").require("/payouts/**", "SELLER")
                .require("/admin/payouts", "ADMIN").require("/admin/payouts/**", "ADMIN");
    }
}
