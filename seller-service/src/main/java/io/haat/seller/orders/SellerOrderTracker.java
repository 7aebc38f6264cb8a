package io.haat.seller.orders;

import io.haat.events.Money;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.seller.analytics.SalesRecorder;
import io.haat.seller.reservation.ReservationListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps each store's part of an order up to date from order events, and feeds the sales analytics with
 * each fact once: a confirmation, a cancellation of a confirmed sale, a delivery, a return, a refund. Money given
 * back (RETURNED and REFUNDED amounts) lowers the net revenue by the larger of the two sums per part
 * ({@link SellerOrderCopy#givenBackMinor()}), so a return and its refund count once.
 */
@Component
public class SellerOrderTracker implements ReservationListener {

    private final SellerOrderCopyRepository orders;
    private final SalesRecorder sales;

    public SellerOrderTracker(SellerOrderCopyRepository orders, SalesRecorder sales) {
        this.orders = orders;
        this.sales = sales;
    }

    /** The order's stock was reserved: remember each store's part (lines, amount, units). */
    public void placed(OrderPlaced order, Instant at) {
        Map<UUID, List<OrderLine>> byStore = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            byStore.computeIfAbsent(UUID.fromString(line.storeId()), k -> new ArrayList<>()).add(line);
        }
        byStore.forEach((storeId, lines) -> {
            String currency = lines.stream().map(OrderLine::unitPrice).filter(Objects::nonNull)
                    .map(Money::currency).findFirst()
                    .orElse(order.total() == null ? "NPR" : order.total().currency());
            Money amount = Money.zero(currency);
            int units = 0;
            Map<String, OrderLine> bySku = new LinkedHashMap<>();
            Map<String, Integer> quantities = new LinkedHashMap<>();
            for (OrderLine line : lines) {
                Money price = line.unitPrice() == null ? Money.zero(currency) : line.unitPrice();
                amount = amount.plus(price.times(line.quantity()));
                units += line.quantity();
                bySku.putIfAbsent(line.sku(), line);
                quantities.merge(line.sku(), line.quantity(), Integer::sum);
            }
            String sellerOrderId = lines.stream().map(OrderLine::sellerOrderId).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            if (orders.insert(order.orderId(), storeId, sellerOrderId, order.customerId(), amount, units, at)) {
                bySku.forEach((sku, line) -> orders.insertLine(order.orderId(), storeId, sku, line.productId(),
                        quantities.get(sku), line.unitPrice() == null ? 0 : line.unitPrice().amountMinor()));
            }
        });
    }

    /** The order was paid (or COD accepted): each store's part is a sale. */
    public void confirmed(String orderId, Instant at) {
        for (SellerOrderCopy part : orders.lockOfOrder(orderId)) {
            if (part.wasConfirmed() || part.isClosed()) {
                continue;
            }
            orders.update(orderId, part.storeId(), "CONFIRMED", null, at, null, null, 0);
            sales.confirmed(part.storeId(), at, part.amount(), part.units());
            orders.productUnits(orderId, part.storeId())
                    .forEach(p -> sales.productSold(part.storeId(), p.productId(), at, p.units()));
        }
    }

    /** The whole order was cancelled. */
    public void cancelled(String orderId, Instant at) {
        orders.lockOfOrder(orderId).forEach(part -> cancelPart(part, at));
    }

    /**
     * A seller order changed status.
     *
     * @return whether this cancelled the store's part (its stock must then be given back)
     */
    public boolean sellerOrderChanged(SellerOrderStatusChanged event, Instant at) {
        UUID storeId;
        try {
            storeId = UUID.fromString(event.storeId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        var found = orders.lock(event.orderId(), storeId);
        if (found.isEmpty() || event.status() == null) {
            return false;
        }
        SellerOrderCopy part = found.get();
        String status = event.status().name();
        Instant when = event.at() != null ? event.at() : at;
        switch (event.status()) {
            case CANCELLED -> {
                return cancelPart(part, when);
            }
            case DELIVERED -> {
                if (part.deliveredAt() == null && !part.isClosed()) {
                    sales.delivered(part.storeId(), when, part.amount().currency());
                }
                orders.update(part.orderId(), storeId, status, event.sellerOrderId(), part.confirmedAt(),
                        part.cancelledAt(), part.deliveredAt() == null ? when : part.deliveredAt(), 0);
            }
            case RETURNED -> {
                long returned = (event.amount() != null ? event.amount() : part.amount()).amountMinor();
                long more = part.cancelledAt() != null ? 0
                        : Math.max(part.returnedMinor() + returned, part.refundedMinor()) - part.givenBackMinor();
                sales.returned(part.storeId(), when, new Money(more, part.amount().currency()));
                orders.update(part.orderId(), storeId, status, event.sellerOrderId(), part.confirmedAt(),
                        part.cancelledAt(), part.deliveredAt(), returned);
            }
            case REFUNDED -> {
                long refunded = event.amount() != null ? event.amount().amountMinor() : 0;
                // a cancelled part was subtracted as a cancellation already
                long more = part.cancelledAt() != null ? 0
                        : Math.max(part.returnedMinor(), part.refundedMinor() + refunded) - part.givenBackMinor();
                if (more > 0) {
                    sales.refunded(part.storeId(), when, new Money(more, part.amount().currency()));
                }
                orders.addRefunded(part.orderId(), storeId, refunded);
                orders.update(part.orderId(), storeId, status, event.sellerOrderId(), part.confirmedAt(),
                        part.cancelledAt(), part.deliveredAt(), 0);
            }
            // PROCESSING, SHIPPED, OUT_FOR_DELIVERY, RETURN_REQUESTED / APPROVED / REJECTED, COMPLETED: the status
            // only (RETURN_REJECTED leaves the sale as it was; COMPLETED closes it)
            default -> orders.update(part.orderId(), storeId, status, event.sellerOrderId(), part.confirmedAt(),
                    part.cancelledAt(), part.deliveredAt(), 0);
        }
        return false;
    }

    /** The reservation expired before confirmation: the store's part will never be a sale. */
    @Override
    public void expired(String orderId) {
        for (SellerOrderCopy part : orders.lockOfOrder(orderId)) {
            if (!part.wasConfirmed() && !part.isClosed()) {
                orders.update(orderId, part.storeId(), "EXPIRED", null, null, null, null, 0);
            }
        }
    }

    private boolean cancelPart(SellerOrderCopy part, Instant at) {
        if (part.isClosed()) {
            return false;
        }
        if (part.wasConfirmed()) {
            sales.cancelled(part.storeId(), at, part.amount());
        }
        orders.update(part.orderId(), part.storeId(), "CANCELLED", null, part.confirmedAt(), at, part.deliveredAt(), 0);
        return true;
    }
}
