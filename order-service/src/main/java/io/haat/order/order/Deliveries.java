package io.haat.order.order;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What the order's reads show of its seller orders' deliveries (the delivery package answers). */
public interface Deliveries {

    /** The delivery of each of these seller orders that has one (shipped), by seller order id. */
    Map<UUID, OrderResponse.Delivery> of(Collection<UUID> sellerOrderIds);
}
