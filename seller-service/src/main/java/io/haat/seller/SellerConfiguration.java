package io.haat.seller;

import io.haat.seller.reservation.ReservationProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Service-wide beans: the clock (UTC) and scheduling of reservation expiry. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReservationProperties.class)
public class SellerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
