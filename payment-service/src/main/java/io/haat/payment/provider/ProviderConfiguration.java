package io.haat.payment.provider;

import io.haat.payment.provider.cod.CashOnDeliveryProvider;
import io.haat.payment.provider.esewa.EsewaProvider;
import io.haat.payment.provider.khalti.KhaltiProvider;
import io.haat.payment.provider.paypal.PayPalProvider;
import io.haat.payment.provider.sandbox.SandboxProvider;
import io.haat.payment.provider.stripe.StripeProvider;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Every provider, built from {@link ProviderProperties}; the registry decides which are available. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderProperties.class)
public class ProviderConfiguration {

    @Bean
    public PaymentProviders paymentProviders(ProviderProperties properties, Clock clock, JsonMapper json) {
        ProviderHttp http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout(), json);
        return new PaymentProviders(List.of(
                new StripeProvider(properties.stripe(), properties.connectTimeout(), properties.readTimeout(), clock, json),
                new PayPalProvider(properties.paypal(), http, clock),
                new KhaltiProvider(properties.khalti(), http),
                new EsewaProvider(properties.esewa(), http),
                new CashOnDeliveryProvider(properties.cashOnDelivery().enabled()),
                new SandboxProvider(properties.sandbox(), clock, json)));
    }
}
