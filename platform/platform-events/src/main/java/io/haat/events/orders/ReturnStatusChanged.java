package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import java.time.Instant;
import java.util.List;

/**
 * A return request moved to {@code status}. {@code lines} are the returned SKUs and quantities of that store; on
 * RECEIVED seller-service puts them back in stock (once per {@code returnId}). {@code refund} is what the customer
 * gets back (known from APPROVED on), {@code note} the reason of a request or rejection.
 */
public record ReturnStatusChanged(String returnId, String orderId, String sellerOrderId, String storeId,
                                  String customerId, ReturnStatus status, List<StockLine> lines, Money refund,
                                  String note, Instant at) implements DomainEvent {

    public ReturnStatusChanged {
        if (returnId == null || orderId == null || sellerOrderId == null || status == null || at == null) {
            throw new IllegalArgumentException("returnId, orderId, sellerOrderId, status and at are required");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
