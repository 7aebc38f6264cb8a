package io.haat.payment.provider;

import io.haat.payment.provider.cod.CashOnDeliveryProvider;
import io.haat.payment.provider.esewa.EsewaProvider;
import io.haat.payment.provider.khalti.KhaltiProvider;
import io.haat.payment.provider.paypal.PayPalProvider;
import io.haat.payment.provider.sandbox.SandboxProvider;
import io.haat.payment.provider.stripe.StripeProvider;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Every provider, built from {@link ProviderProperties}; the registry decides which are available. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderProperties.class)
public class ProviderConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean
    public PaymentProviders paymentProviders(ProviderProperties properties, Clock clock, JsonMapper json) {
        ProviderHttp http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout(), json);
        PaymentProviders providers = new PaymentProviders(List.of(
                new StripeProvider(properties.stripe(), properties.connectTimeout(), properties.readTimeout(), clock, json),
                new PayPalProvider(properties.paypal(), http, clock),
                new KhaltiProvider(properties.khalti(), http),
                new EsewaProvider(properties.esewa(), http),
                new CashOnDeliveryProvider(properties.cashOnDelivery().enabled()),
                new SandboxProvider(properties.sandbox(), clock, json)));
        // an operator sees at start-up which providers lack configuration (they are not offered)
        LOG.info("payment providers available: {}; unavailable (not configured): {}",
                providers.available(), providers.unavailable());
        return providers;
    }
}
