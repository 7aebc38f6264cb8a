package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import io.haat.events.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer checked out; seller-service reserves the lines. {@code sellerOrders} is the order's split per
 * store (always sent by order-service; absent, i.e. null, only in events written before it existed): when
 * present, the seller orders' totals add up to {@code total} and each one's merchandise is the sum of its lines.
 */
public record OrderPlaced(@NotBlank @Pattern(regexp = EventIds.ID) String orderId,
                          @NotBlank @Pattern(regexp = EventIds.ID) String customerId, @NotNull @Valid Money total,
                          @NotNull @NotEmpty List<@NotNull @Valid OrderLine> lines,
                          List<@NotNull @Valid SellerOrderTotals> sellerOrders) implements DomainEvent {

    public OrderPlaced {
        lines = lines == null ? null : List.copyOf(lines);
        sellerOrders = sellerOrders == null ? null : List.copyOf(sellerOrders);
        if (sellerOrders != null) {
            SellerOrderTotals.requireSplitOf(total, sellerOrders);
            requireLinesMatch(lines, sellerOrders);
        }
    }

    @Override
    public String aggregateId() {
        return orderId;
    }

    private static void requireLinesMatch(List<OrderLine> lines, List<SellerOrderTotals> sellerOrders) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        Map<String, Money> merchandise = new HashMap<>();
        for (OrderLine line : lines) {
            if (line.unitPrice() == null || line.quantity() <= 0) {
                throw new IllegalArgumentException("line " + line.sku() + " needs a unit price and a quantity");
            }
            merchandise.merge(String.valueOf(line.sellerOrderId()), line.unitPrice().times(line.quantity()),
                    Money::plus);
        }
        for (SellerOrderTotals part : sellerOrders) {
            Money ofLines = merchandise.remove(part.sellerOrderId());
            if (!part.merchandise().equals(ofLines)) {
                throw new IllegalArgumentException("seller order " + part.sellerOrderId() + ": merchandise "
                        + part.merchandise().amountMinor() + " is not the sum of its lines "
                        + (ofLines == null ? "(none)" : ofLines.amountMinor()));
            }
        }
        if (!merchandise.isEmpty()) {
            throw new IllegalArgumentException("lines of unknown seller orders: " + merchandise.keySet());
        }
    }
}
