package io.haat.seller.inventory;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ETags;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stock per SKU of a store, for its owner (admins may read). */
@RestController
@RequestMapping("/stores/{storeId}/inventory")
@PreAuthorize("hasAnyRole('SELLER', 'ADMIN')")
public class InventoryController {

    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final InventoryService inventory;
    private final CurrentUser currentUser;

    public InventoryController(InventoryService inventory, CurrentUser currentUser) {
        this.inventory = inventory;
        this.currentUser = currentUser;
    }

    @GetMapping
    public PageResponse<InventoryResponse> list(@PathVariable UUID storeId,
                                                @RequestParam(required = false) Boolean lowStock,
                                                @RequestParam(required = false) @Size(max = 64) String sku,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return inventory.list(storeId, actor(), lowStock, sku, Paging.of(page, size)).map(InventoryResponse::from);
    }

    /** Alerts newest first; {@code open=true} for open ones only, {@code open=false} for resolved ones. */
    @GetMapping("/alerts")
    public PageResponse<LowStockAlertResponse> alerts(@PathVariable UUID storeId,
                                                      @RequestParam(required = false) Boolean open,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        return inventory.alerts(storeId, actor(), open, Paging.of(page, size));
    }

    @GetMapping("/{sku}")
    public ResponseEntity<InventoryResponse> get(@PathVariable UUID storeId,
                                                 @PathVariable @Pattern(regexp = SKU, message = "not a valid SKU") String sku) {
        InventoryItem item = inventory.get(storeId, sku, actor());
        return ResponseEntity.ok().eTag(ETags.of(item.version())).body(InventoryResponse.from(item));
    }

    @PutMapping("/{sku}")
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<InventoryResponse> update(@PathVariable UUID storeId,
                                                    @PathVariable @Pattern(regexp = SKU, message = "not a valid SKU") String sku,
                                                    @Valid @RequestBody InventoryUpdateRequest request,
                                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        InventoryItem item = inventory.update(storeId, sku, request, Versions.expected(ifMatch, request.version()),
                actor());
        return ResponseEntity.ok().eTag(ETags.of(item.version())).body(InventoryResponse.from(item));
    }

    @GetMapping("/{sku}/history")
    public PageResponse<MovementResponse> history(@PathVariable UUID storeId,
                                                  @PathVariable @Pattern(regexp = SKU, message = "not a valid SKU") String sku,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        return inventory.history(storeId, sku, actor(), Paging.of(page, size));
    }

    private Actor actor() {
        return Actor.current(currentUser);
    }
}
