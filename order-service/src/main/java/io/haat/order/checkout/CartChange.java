package io.haat.order.checkout;

import io.haat.events.Money;
import java.util.UUID;

/**
 * Why checkout could not charge what the customer was shown: a line became {@code UNAVAILABLE},
 * {@code OUT_OF_STOCK} or has {@code INSUFFICIENT_STOCK} ({@code available} units left), its price changed
 * ({@code PRICE_CHANGED}, unit prices {@code was} → {@code now}), or the order's total is not the
 * {@code expectedTotal} ({@code TOTAL_CHANGED}, no line).
 */
public record CartChange(String kind, UUID lineId, String productId, String sku, Money was, Money now,
                         Integer available) {
}
