package io.haat.order.checkout;

import io.haat.events.Money;
import io.haat.order.pricing.DeliveryAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /checkout}: where to ship ({@code addressId} from the caller's address book, or an inline
 * {@code address}; exactly one), the shipping method per store (optional; the cheapest that serves the address
 * otherwise), how to pay ({@code paymentMethod}: a provider, {@code COD} for cash on delivery; {@code cashOnDelivery}:
 * the part collected in cash with an online provider), and optionally the total the customer was shown.
 */
public record CheckoutRequest(UUID addressId, @Valid AddressInput address, Map<String, String> shippingMethods,
                              @NotBlank String paymentMethod, Money cashOnDelivery, Money expectedTotal) {

    /** An address given inline; snapshotted on the order as it is. */
    public record AddressInput(
            @NotBlank @Size(max = 100) String fullName,
            @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String phone,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String province,
            @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code")
            String country) {

        DeliveryAddress toDeliveryAddress() {
            return new DeliveryAddress(fullName.strip(), phone.strip(), line1.strip(), blankToNull(line2),
                    city.strip(), blankToNull(province), blankToNull(postalCode), country.toUpperCase(Locale.ROOT));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
