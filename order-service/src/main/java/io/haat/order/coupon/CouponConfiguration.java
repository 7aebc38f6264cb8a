package io.haat.order.coupon;

import io.haat.platform.security.RolePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The roles the coupon endpoints require, checked before a body is read (the platform combines every
 * {@link RolePaths} bean). {@code /cart/coupon} needs a token (it is not a public path) and {@code cart.CartAccess}
 * requires CUSTOMER on everything under {@code /cart}.
 */
@Configuration(proxyBeanMethods = false)
class CouponConfiguration {

    @Bean
    RolePaths couponRoles() {
        return RolePaths.of()
                .require("/stores/*/coupons/**", "SELLER")
                .require("/admin/coupons/**", "ADMIN");
    }
}
