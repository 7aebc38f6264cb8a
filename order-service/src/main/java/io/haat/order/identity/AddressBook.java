package io.haat.order.identity;

import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.feign.RemoteNotFoundException;
import io.haat.platform.web.InvalidRequestException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Turns the caller's address id into the address an order snapshots (identity-service is asked each time). */
@Component
public class AddressBook {

    /** Registers this package's Feign client (platform-core brings the defaults: errors, retries, token relay). */
    @Configuration(proxyBeanMethods = false)
    @EnableFeignClients(clients = IdentityClient.class)
    static class Clients {
    }

    private final IdentityClient identity;

    public AddressBook(IdentityClient identity) {
        this.identity = identity;
    }

    /**
     * The caller's address {@code addressId}; one that is not theirs (or does not exist) is a 400 naming
     * {@code addressId}. identity-service unreachable: the platform's 503 problem.
     */
    public DeliveryAddress address(UUID addressId) {
        IdentityClient.RemoteAddress found;
        try {
            found = identity.address(addressId);
        } catch (RemoteNotFoundException e) {
            throw new InvalidRequestException("addressId", "is not one of your addresses");
        }
        return new DeliveryAddress(found.recipient(), found.phone(), found.line1(), found.line2(), found.city(),
                found.region(), found.postalCode(),
                found.country() == null ? null : found.country().toUpperCase(Locale.ROOT));
    }
}
