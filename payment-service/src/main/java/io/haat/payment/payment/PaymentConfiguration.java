package io.haat.payment.payment;

import io.haat.platform.security.RolePaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the payments API (checked before the body is read; {@code @PreAuthorize} is the second line). The
 * provider return ({@code GET /payments/return/*}) and webhooks are public paths ({@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentConfiguration {

    @Bean
    RolePaths paymentRoles() {
        return RolePaths.of()
                .require(HttpMethod.POST, "/payments", "CUSTOMER")
                .require(HttpMethod.GET, "/payments/*", "CUSTOMER")
                .require("/orders/*/payments", "CUSTOMER")
                .require("/admin/payments/**", "ADMIN");
    }
}
