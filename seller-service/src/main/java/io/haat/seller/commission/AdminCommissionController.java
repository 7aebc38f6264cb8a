package io.haat.seller.commission;

import io.haat.events.Money;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.BadRequestException;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commission settings: the platform default, per seller and per store (each optionally per category). */
@RestController
@RequestMapping("/admin/commissions")
@PreAuthorize("hasRole('ADMIN')")
public class AdminCommissionController {

    private final CommissionService commissions;
    private final CurrentUser currentUser;

    public AdminCommissionController(CommissionService commissions, CurrentUser currentUser) {
        this.commissions = commissions;
        this.currentUser = currentUser;
    }

    @GetMapping("/default")
    public CommissionSettings getDefault() {
        return commissions.settings(CommissionScope.DEFAULT, null);
    }

    @PutMapping("/default")
    public CommissionSettings setDefault(@Valid @RequestBody CommissionRequest request) {
        return commissions.set(CommissionScope.DEFAULT, null, request, Actor.current(currentUser));
    }

    @GetMapping("/sellers/{sellerId}")
    public CommissionSettings getSeller(@PathVariable UUID sellerId) {
        return commissions.settings(CommissionScope.SELLER, sellerId);
    }

    @PutMapping("/sellers/{sellerId}")
    public CommissionSettings setSeller(@PathVariable UUID sellerId, @Valid @RequestBody CommissionRequest request) {
        return commissions.set(CommissionScope.SELLER, sellerId, request, Actor.current(currentUser));
    }

    @GetMapping("/stores/{storeId}")
    public CommissionSettings getStore(@PathVariable UUID storeId) {
        return commissions.settings(CommissionScope.STORE, storeId);
    }

    @PutMapping("/stores/{storeId}")
    public CommissionSettings setStore(@PathVariable UUID storeId, @Valid @RequestBody CommissionRequest request) {
        return commissions.set(CommissionScope.STORE, storeId, request, Actor.current(currentUser));
    }

    /** Which rule applies to a store's sale (of a category) at a time; with {@code amountMinor}, the fee on it. */
    @GetMapping("/applicable")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    public AppliedCommission applicable(@RequestParam UUID storeId,
                                        @RequestParam(required = false) String categoryId,
                                        @RequestParam(required = false) Instant at,
                                        @RequestParam(required = false) Long amountMinor,
                                        @RequestParam(required = false) String currency) {
        Money example = null;
        if (amountMinor != null) {
            try {
                example = new Money(amountMinor, currency == null ? "NPR" : currency);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("Parameter 'currency' must be an upper-case ISO 4217 code such as NPR.");
            }
        }
        return commissions.applicable(storeId, categoryId, at, example);
    }
}
