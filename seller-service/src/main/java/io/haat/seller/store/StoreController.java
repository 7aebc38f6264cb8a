package io.haat.seller.store;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ETags;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stores: sellers manage their own; the store page is public. */
@RestController
@RequestMapping("/stores")
public class StoreController {

    private final StoreService stores;
    private final CurrentUser currentUser;

    public StoreController(StoreService stores, CurrentUser currentUser) {
        this.stores = stores;
        this.currentUser = currentUser;
    }

    @PostMapping
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<StoreResponse> create(@Valid @RequestBody StoreRequest request) {
        Store store = stores.create(Actor.current(currentUser), request);
        return ResponseEntity.created(URI.create("/stores/" + store.id())).eTag(ETags.of(store.version()))
                .body(StoreResponse.from(store));
    }

    @GetMapping("/mine")
    @PreAuthorize("hasRole('SELLER')")
    public PageResponse<StoreResponse> mine(@RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return stores.mine(Actor.current(currentUser), Paging.of(page, size)).map(StoreResponse::from);
    }

    /** Public: no token needed. */
    @GetMapping("/{id}")
    public ResponseEntity<StoreResponse> get(@PathVariable UUID id) {
        Store store = stores.view(id, currentUser.isAuthenticated() ? Actor.current(currentUser) : null);
        return ResponseEntity.ok().eTag(ETags.of(store.version())).body(StoreResponse.from(store));
    }

    /** Public: a store page by its URL slug. */
    @GetMapping("/by-slug/{slug}")
    public StoreResponse bySlug(@PathVariable String slug) {
        return StoreResponse.from(stores.viewBySlug(slug));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<StoreResponse> edit(@PathVariable UUID id, @Valid @RequestBody StoreRequest request,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Store store = stores.edit(Actor.current(currentUser), id, request, ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(store.version())).body(StoreResponse.from(store));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        stores.delete(Actor.current(currentUser), id);
        return ResponseEntity.noContent().build();
    }
}
