package io.haat.order.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * identity-service's address book, read at checkout with the customer's own token (platform
 * {@code BearerTokenRelayInterceptor}): someone else's address id is 404 there, so a customer can only ship to
 * their own addresses.
 */
@FeignClient(name = "identity-service", contextId = "orderIdentity")
public interface IdentityClient {

    @GetMapping("/me/addresses/{id}")
    RemoteAddress address(@PathVariable("id") UUID id);

    /** The fields of identity-service's {@code AddressResponse} that an order snapshots. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoteAddress(UUID id, String recipient, String phone, String line1, String line2, String city,
                         String region, String postalCode, String country) {
    }
}
