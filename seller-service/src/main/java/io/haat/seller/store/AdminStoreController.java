package io.haat.seller.store;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.seller.onboarding.SellerDecisionRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins monitor stores: list with figures, suspend one store, reinstate it. */
@RestController
@RequestMapping("/admin/stores")
@PreAuthorize("hasRole('ADMIN')")
public class AdminStoreController {

    private final StoreService stores;
    private final CurrentUser currentUser;

    public AdminStoreController(StoreService stores, CurrentUser currentUser) {
        this.stores = stores;
        this.currentUser = currentUser;
    }

    @GetMapping
    public PageResponse<AdminStoreView> list(@RequestParam(required = false) StoreStatus status,
                                             @RequestParam(required = false) UUID sellerId,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return stores.adminList(status, sellerId, q, Paging.of(page, size));
    }

    @PostMapping("/{id}/suspend")
    public AdminStoreView suspend(@PathVariable UUID id, @Valid @RequestBody SellerDecisionRequest request) {
        return stores.suspend(Actor.current(currentUser), id, request.reason());
    }

    @PostMapping("/{id}/reinstate")
    public AdminStoreView reinstate(@PathVariable UUID id) {
        return stores.reinstate(Actor.current(currentUser), id);
    }
}
