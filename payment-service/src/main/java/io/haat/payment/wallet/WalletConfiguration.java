package io.haat.payment.wallet;

import io.haat.platform.security.RolePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wallets are for sellers only: a customer or admin token gets 403 before anything is read. */
@Configuration(proxyBeanMethods = false)
public class WalletConfiguration {

    @Bean
    RolePaths walletRoles() {
        return RolePaths.of().require("/wallet", "SELLER").require("/wallet/**", "SELLER");
    }
}
