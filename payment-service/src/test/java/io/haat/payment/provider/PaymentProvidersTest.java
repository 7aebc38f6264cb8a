package io.haat.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.payment.PaymentProvider;
import io.haat.payment.provider.cod.CashOnDeliveryProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** Which providers are offered follows their configuration, bound from properties or the environment. */
class PaymentProvidersTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ProviderConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(JsonMapper.class, () -> Fixtures.JSON);

    @Test
    void withNothingConfiguredOnlyCashOnDeliveryIsAvailable() {
        context.run(ctx -> {
            PaymentProviders providers = ctx.getBean(PaymentProviders.class);
            assertThat(providers.available()).containsExactly(PaymentProvider.CASH_ON_DELIVERY);
            assertThat(providers.unavailable()).containsExactly(PaymentProvider.STRIPE, PaymentProvider.PAYPAL,
                    PaymentProvider.KHALTI, PaymentProvider.ESEWA, PaymentProvider.SANDBOX);
            assertThat(providers.find(PaymentProvider.KHALTI)).isEmpty();
        });
    }

    @Test
    void aProviderWithAllItsValuesIsAvailableAndOneMissingAValueIsNot() {
        context.withPropertyValues(
                "haat.payment.providers.khalti.base-url=http://khalti.test/api",
                "haat.payment.providers.khalti.secret-key=key",
                "haat.payment.providers.khalti.website-url=http://shop.test",
                "haat.payment.providers.esewa.form-url=http://esewa.test/form",
                "haat.payment.providers.esewa.product-code=EPAYTEST",
                "haat.payment.providers.esewa.secret-key=secret",   // status-url missing
                "haat.payment.providers.sandbox.enabled=true",
                "haat.payment.providers.sandbox.webhook-secret=s",
                "haat.payment.providers.cash-on-delivery.enabled=false").run(ctx -> {
            PaymentProviders providers = ctx.getBean(PaymentProviders.class);
            assertThat(providers.available()).containsExactly(PaymentProvider.KHALTI, PaymentProvider.SANDBOX);
            assertThat(providers.find(PaymentProvider.SANDBOX)).get()
                    .extracting(io.haat.payment.provider.PaymentProvider::kind).isEqualTo(PaymentProvider.SANDBOX);
        });
    }

    @Test
    void twoImplementationsOfOneProviderAreAConfigurationError() {
        assertThatThrownBy(() -> new PaymentProviders(List.of(new CashOnDeliveryProvider(true),
                new CashOnDeliveryProvider(true)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cashOnDeliveryIsAcceptedWithoutNetworkAndRefundedByHand() {
        CashOnDeliveryProvider cod = new CashOnDeliveryProvider(true);
        Money amount = new Money(5_000, "NPR");

        ProviderAction action = cod.begin(Fixtures.request(amount));

        assertThat(action).isEqualTo(new ProviderAction.Done("cod-" + Fixtures.ORDER + "-2",
                new ProviderPaymentState.Accepted(amount)));
        PaymentLookup lookup = new PaymentLookup(action.reference(), Fixtures.ORDER + "-2", amount);
        assertThat(cod.confirm(lookup)).isEqualTo(new ProviderPaymentState.Accepted(amount));
        assertThat(cod.refund(new RefundRequest(UUID.randomUUID(), lookup, amount, "x"))).isInstanceOf(RefundResult.Manual.class);
        assertThat(cod.verifyWebhook(Map.of(), "{}")).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void theIdempotencyKeyIsOrderAndAttempt() {
        PaymentRequest request = Fixtures.request(new Money(100, "NPR"));

        assertThat(request.idempotencyKey()).isEqualTo(Fixtures.ORDER + ":2");
        assertThat(request.merchantReference()).isEqualTo(Fixtures.ORDER + "-2");
    }
}
