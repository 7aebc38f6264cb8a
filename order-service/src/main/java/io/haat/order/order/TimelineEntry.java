package io.haat.order.order;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to an order, oldest first: {@code event} names it (PLACED, STOCK_RESERVED,
 * PAYMENT_CAPTURED, SHIPPED, …), {@code status} is the order's status after it, {@code detail} says more for people.
 * {@code sellerOrderId} names the store's part an entry is about (null for the whole order, and in entries written
 * before part 2).
 */
public record TimelineEntry(String event, String status, Instant at, String detail, UUID sellerOrderId) {

    public TimelineEntry(String event, String status, Instant at, String detail) {
        this(event, status, at, detail, null);
    }
}
