package io.haat.order.order;

import java.time.Instant;

/**
 * One thing that happened to an order, oldest first: {@code event} names it (PLACED, STOCK_RESERVED,
 * PAYMENT_CAPTURED, …), {@code status} is the order's status after it, {@code detail} says more for people.
 */
public record TimelineEntry(String event, String status, Instant at, String detail) {
}
