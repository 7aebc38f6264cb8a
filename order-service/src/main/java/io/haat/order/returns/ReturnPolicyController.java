package io.haat.order.returns;

import io.haat.order.store.StoreOwnership;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /stores/{id}/return-policy}: anyone reads a store's policy (customers see it before buying); the store's
 * seller sets it (audited). Another seller's store is 404.
 */
@RestController
public class ReturnPolicyController {

    /** The policy a seller sets. */
    public record PolicyRequest(@NotNull @Min(0) @Max(365) Integer windowDays, @NotNull ShippingRefund shippingRefund) {
    }

    private final ReturnPolicies policies;
    private final StoreOwnership ownership;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReturnPolicyController(ReturnPolicies policies, StoreOwnership ownership, CurrentUser currentUser,
                                  Clock clock) {
        this.policies = policies;
        this.ownership = ownership;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/stores/{storeId}/return-policy")
    public ReturnPolicy get(@PathVariable String storeId) {
        ownership.require(storeId);
        return policies.of(storeId);
    }

    @PutMapping("/stores/{storeId}/return-policy")
    public ReturnPolicy set(@PathVariable String storeId, @Valid @RequestBody PolicyRequest body) {
        ownership.requireOwned(storeId);
        return policies.set(storeId, body.windowDays(), body.shippingRefund(), Actor.current(currentUser),
                clock.instant());
    }
}
