package io.haat.payment.provider;

import java.util.Objects;

/**
 * A webhook or a customer's return, after its signature (where the provider signs one) was checked. It only
 * says which payment to look at: the caller then asks the provider ({@link PaymentProvider#confirm}).
 */
public sealed interface Inbound {

    /**
     * @param eventId the provider's id of the notification (to drop duplicates), or null when it has none
     * @param type the provider's event type or status, for the record
     * @param reference the payment's provider reference
     */
    record Verified(String eventId, String type, String reference) implements Inbound {
        public Verified {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** Not signed, wrongly signed, too old, or unreadable: nothing may change because of it (400). */
    record Refused(String why) implements Inbound {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }
}
