package io.haat.seller.inventory;

import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.StaleVersionException;
import io.haat.platform.web.Versions;
import io.haat.seller.SellerLimits;
import io.haat.seller.store.StoreAccess;
import io.haat.seller.support.AuditTrail;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A seller's stock: read it, set or adjust it with optimistic concurrency, read its history and alerts. */
@Service
public class InventoryService {

    private final InventoryRepository inventory;
    private final StockHistoryRepository history;
    private final StockChanges changes;
    private final StoreAccess stores;
    private final AuditTrail audit;
    private final SellerLimits limits;

    public InventoryService(InventoryRepository inventory, StockHistoryRepository history, StockChanges changes,
                            StoreAccess stores, AuditTrail audit, SellerLimits limits) {
        this.limits = limits;
        this.inventory = inventory;
        this.history = history;
        this.changes = changes;
        this.stores = stores;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PageResponse<InventoryItem> list(UUID storeId, Actor actor, Boolean lowOnly, String skuPrefix, Paging paging) {
        stores.readable(storeId, actor);
        return inventory.page(storeId, lowOnly, skuPrefix, paging);
    }

    @Transactional(readOnly = true)
    public InventoryItem get(UUID storeId, String sku, Actor actor) {
        stores.readable(storeId, actor);
        return inventory.find(storeId, sku).orElseThrow(() -> notFound(sku));
    }

    /**
     * Sets or adjusts one SKU's stock and/or threshold, creating the item on first use. With an expected
     * version (If-Match or {@code version}, see {@link Versions#expected}), a change since that version is 412.
     */
    @Transactional
    public InventoryItem update(UUID storeId, String sku, InventoryUpdateRequest request, Long expected,
                                Actor actor) {
        stores.writable(storeId, actor);
        InventoryItem before = inventory.lock(storeId, sku).orElse(null);
        if (before == null) {
            if (expected != null) {
                throw new StaleVersionException("SKU " + sku + " has no stock record yet; send no version.");
            }
            if (inventory.countOfStoreLocked(storeId) >= limits.inventoryItemsPerStore()) {
                throw new ConflictException("inventory-limit-reached", "Inventory limit reached",
                        "A store may have at most " + limits.inventoryItemsPerStore() + " SKUs.")
                        .with("limit", limits.inventoryItemsPerStore());
            }
            inventory.createIfAbsent(storeId, sku, request.lowStockThreshold() == null ? 0 : request.lowStockThreshold());
            before = inventory.lock(storeId, sku).orElseThrow();
        } else {
            Versions.requireCurrent("SKU " + sku, expected, before.version());
        }
        int quantity = request.quantity() != null ? before.checkedQuantity(request.quantity())
                : request.adjustBy() != null ? before.adjustedQuantity(request.adjustBy()) : before.quantity();
        int threshold = request.lowStockThreshold() != null ? request.lowStockThreshold() : before.lowStockThreshold();
        InventoryItem written = inventory.write(storeId, sku, quantity, threshold);
        MovementKind kind = request.quantity() != null ? MovementKind.SET
                : request.adjustBy() != null ? MovementKind.ADJUST : MovementKind.THRESHOLD;
        String reason = threshold == before.lowStockThreshold() ? request.reason()
                : join(request.reason(), "threshold " + before.lowStockThreshold() + " -> " + threshold);
        InventoryItem result = changes.record(written, kind, quantity - before.quantity(), 0, reason, actor.id(), null);
        audit.record(actor, "inventory.update", "inventory", storeId + ":" + sku,
                InventoryResponse.from(before), InventoryResponse.from(result));
        return result;
    }

    @Transactional(readOnly = true)
    public PageResponse<MovementResponse> history(UUID storeId, String sku, Actor actor, Paging paging) {
        stores.readable(storeId, actor);
        if (inventory.find(storeId, sku).isEmpty()) {
            throw notFound(sku);
        }
        return history.movements(storeId, sku, paging);
    }

    @Transactional(readOnly = true)
    public PageResponse<LowStockAlertResponse> alerts(UUID storeId, Actor actor, Boolean open, Paging paging) {
        stores.readable(storeId, actor);
        return history.alerts(storeId, open, paging);
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + "; " + b;
    }

    private static NotFoundException notFound(String sku) {
        return new NotFoundException("SKU " + sku + " has no stock in this store.");
    }
}
