package io.haat.seller.inventory;

import io.haat.events.Topics;
import io.haat.events.inventory.LowStock;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.platform.messaging.outbox.EventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What follows every stock change, in the same transaction: a history entry, a {@code StockLevelChanged}
 * event for catalog-service, and — once per downward crossing of the threshold — a low-stock alert and a
 * {@code LowStock} event. The alert is resolved when available stock rises above the threshold again.
 */
@Component
public class StockChanges {

    private final InventoryRepository inventory;
    private final StockHistoryRepository history;
    private final EventPublisher events;
    private final JdbcClient jdbc;

    public StockChanges(InventoryRepository inventory, StockHistoryRepository history, EventPublisher events,
                        JdbcClient jdbc) {
        this.inventory = inventory;
        this.history = history;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * Records a change already applied to the row. {@code after.lowStock()} must still be the flag from
     * before the change (the repository's updates leave it alone), so a crossing can be told apart.
     *
     * @return the item with its low-stock flag brought up to date
     */
    public InventoryItem record(InventoryItem after, MovementKind kind, int quantityDelta, int reservedDelta, String reason,
                       String actor, String orderId) {
        history.addMovement(after, kind, quantityDelta, reservedDelta, reason, actor, orderId);
        boolean wasLow = after.lowStock();
        boolean isLow = after.isLow();
        if (isLow != wasLow) {
            inventory.setLowStockFlag(after.storeId(), after.sku(), isLow);
            if (isLow) {
                history.openAlert(after);
                events.publish(Topics.SELLER_INVENTORY, new LowStock(after.storeId().toString(), sellerOf(after),
                        after.sku(), after.available(), after.lowStockThreshold()), after.version());
            } else {
                history.resolveAlert(after.storeId(), after.sku());
            }
        }
        if (quantityDelta != 0 || reservedDelta != 0) {
            events.publish(Topics.SELLER_INVENTORY, new StockLevelChanged(after.storeId().toString(), after.sku(),
                    after.quantity(), after.reserved(), after.available()), after.version());
        }
        return new InventoryItem(after.storeId(), after.sku(), after.quantity(), after.reserved(),
                after.lowStockThreshold(), isLow, after.version(), after.updatedAt(), after.inCatalog());
    }

    private String sellerOf(InventoryItem item) {
        return jdbc.sql("SELECT seller_id::text FROM store WHERE id = ?").param(item.storeId())
                .query(String.class).single();
    }
}
