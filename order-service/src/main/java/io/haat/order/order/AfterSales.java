package io.haat.order.order;

import java.time.Duration;
import java.util.UUID;

/**
 * What after-sales (returns and disputes) tells fulfilment: how long a store's customers may ask for a return after
 * delivery, and whether an open return or dispute keeps a delivered seller order from completing (its earnings stay
 * pending meanwhile).
 */
public interface AfterSales {

    /** The store's return window, counted from delivery. */
    Duration returnWindow(String storeId);

    /** Whether an open return or dispute holds this seller order back from COMPLETED. */
    boolean holdsCompletion(UUID sellerOrderId);
}
