package io.haat.payment.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The providers' endpoints and credentials ({@code haat.payment.providers.*}, each overridable from the
 * environment, e.g. {@code HAAT_PAYMENT_PROVIDERS_KHALTI_SECRET_KEY}). A provider missing any of its values
 * is unavailable; none of the real providers' hosts is a default, so nothing talks to one unless configured.
 *
 * @param connectTimeout how long to wait for a provider's TCP connection
 * @param readTimeout how long to wait for a provider's whole answer
 */
@ConfigurationProperties("haat.payment.providers")
public record ProviderProperties(Duration connectTimeout, Duration readTimeout, Khalti khalti, Esewa esewa,
                                 Stripe stripe, PayPal paypal, Sandbox sandbox,
                                 CashOnDelivery cashOnDelivery) {

    public ProviderProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        khalti = khalti == null ? new Khalti(null, null, null) : khalti;
        esewa = esewa == null ? new Esewa(null, null, null, null) : esewa;
        stripe = stripe == null ? new Stripe(null, null, null, null) : stripe;
        paypal = paypal == null ? new PayPal(null, null, null, null, null) : paypal;
        sandbox = sandbox == null ? new Sandbox(false, null, null, null) : sandbox;
        cashOnDelivery = cashOnDelivery == null ? new CashOnDelivery(true) : cashOnDelivery;
    }

    /**
     * @param baseUrl the API root ending in {@code /api} (initiate is {@code /v2/epayment/initiate/} below it)
     * @param secretKey sent as {@code Authorization: Key <secretKey>}
     * @param websiteUrl the shop's public URL, which Khalti requires with every payment
     */
    public record Khalti(String baseUrl, String secretKey, String websiteUrl) {
        public boolean configured() {
            return present(baseUrl) && present(secretKey) && present(websiteUrl);
        }
    }

    /**
     * @param formUrl where the browser posts the ePay v2 form
     * @param statusUrl the status-check API
     * @param productCode the merchant code eSewa issued
     * @param secretKey the HMAC-SHA256 key for {@code signature}
     */
    public record Esewa(String formUrl, String statusUrl, String productCode, String secretKey) {
        public boolean configured() {
            return present(formUrl) && present(statusUrl) && present(productCode) && present(secretKey);
        }
    }

    /**
     * @param baseUrl Stripe's API base
     * @param secretKey the secret API key
     * @param webhookSecret the endpoint's signing secret ({@code whsec_…})
     * @param webhookTolerance how old a {@code Stripe-Signature} timestamp may be (Stripe's default: 300 s)
     */
    public record Stripe(String baseUrl, String secretKey, String webhookSecret, Duration webhookTolerance) {
        public Stripe {
            webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        }

        public boolean configured() {
            return present(baseUrl) && present(secretKey) && present(webhookSecret);
        }
    }

    /**
     * @param baseUrl PayPal's REST API base
     * @param clientId the REST app's client id (OAuth client credentials)
     * @param clientSecret the REST app's secret
     * @param webhookId the id PayPal gave the webhook subscription, which its verify call needs
     * @param webhookTolerance how old a {@code PAYPAL-TRANSMISSION-TIME} may be (a replay is refused)
     */
    public record PayPal(String baseUrl, String clientId, String clientSecret, String webhookId,
                         Duration webhookTolerance) {
        public PayPal {
            webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        }

        public boolean configured() {
            return present(baseUrl) && present(clientId) && present(clientSecret) && present(webhookId);
        }
    }

    /**
     * @param enabled whether the built-in sandbox is offered (local runs and tests only)
     * @param webhookSecret the key of its signed webhooks
     * @param webhookTolerance how far a webhook's timestamp may lie from now
     * @param settleAfter how long an amount ending in 77 stays pending before a look-up reports it captured
     */
    public record Sandbox(boolean enabled, String webhookSecret, Duration webhookTolerance, Duration settleAfter) {
        public Sandbox {
            webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
            settleAfter = settleAfter == null ? Duration.ofSeconds(30) : settleAfter;
        }

        public boolean configured() {
            return enabled && present(webhookSecret);
        }
    }

    public record CashOnDelivery(boolean enabled) {
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
