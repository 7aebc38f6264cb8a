package io.haat.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.payment.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;

/** The public list of payment methods offers exactly the configured providers. */
class PaymentMethodsApiTest extends PaymentIntegrationTest {

    @Test
    void anyoneSeesOnlyTheProvidersThatAreConfigured() {
        Response anonymous = call("GET", "/payment-methods", null, null);

        assertThat(anonymous.status()).isEqualTo(200);
        // the test configuration sets Stripe up (against WireMock); PayPal, Khalti and eSewa have no credentials
        assertThat(anonymous.body().path("methods").findValuesAsString("provider"))
                .containsExactly("STRIPE", "CASH_ON_DELIVERY", "SANDBOX");
        assertThat(call("GET", "/payment-methods", user("CUSTOMER").token(), null).body())
                .isEqualTo(anonymous.body());
    }
}
