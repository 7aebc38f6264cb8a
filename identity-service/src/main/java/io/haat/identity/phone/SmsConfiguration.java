package io.haat.identity.phone;

import java.time.Clock;

import io.haat.identity.IdentityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Chooses the SMS adapter: {@code haat.identity.sms.provider=log} (default) or {@code http}. */
@Configuration(proxyBeanMethods = false)
public class SmsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "haat.identity.sms.provider", havingValue = "http")
    SmsSender httpSmsSender(IdentityProperties properties) {
        return new HttpSmsSender(RestClient.builder(), properties.sms().http());
    }

    @Bean
    @ConditionalOnProperty(name = "haat.identity.sms.provider", havingValue = "log", matchIfMissing = true)
    LoggingSmsSender loggingSmsSender(Clock clock) {
        return new LoggingSmsSender(clock);
    }
}
