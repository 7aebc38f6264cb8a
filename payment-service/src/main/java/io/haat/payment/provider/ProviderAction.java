package io.haat.payment.provider;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** What {@link PaymentProvider#begin} tells the client to do next. */
public sealed interface ProviderAction {

    /** The provider's id of the payment, to store for {@link PaymentLookup}; null only when refused. */
    String reference();

    /** The frontend confirms the payment with the provider's SDK (Stripe's PaymentIntent client secret). */
    record ClientSecret(String reference, String clientSecret) implements ProviderAction {
        public ClientSecret {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }
    }

    /** The customer's browser goes to the provider's page (Khalti's {@code payment_url}). */
    record Redirect(String reference, URI url) implements ProviderAction {
        public Redirect {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(url, "url");
        }
    }

    /** The customer's browser POSTs these fields, in this order, to the provider's form (eSewa). */
    record FormPost(String reference, URI action, Map<String, String> fields) implements ProviderAction {
        public FormPost {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(action, "action");
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** Nothing for the client to do: the provider decided at once (cash on delivery, the sandbox). */
    record Done(String reference, ProviderPaymentState state) implements ProviderAction {
        public Done {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The provider refused to start the payment, or could not be reached. */
    record Refused(ProviderFailure failure) implements ProviderAction {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public String reference() {
            return null;
        }
    }
}
