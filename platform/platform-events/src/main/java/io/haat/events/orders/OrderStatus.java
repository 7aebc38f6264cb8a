package io.haat.events.orders;

/**
 * The states of a whole order (DESIGN's order saga; JSON: the constant's name): PENDING until seller-service
 * reserved its stock, AWAITING_PAYMENT until paid or cash on delivery accepted, then CONFIRMED; CANCELLED from
 * any of them (stock rejected, payment deadline passed, customer or admin cancel). After CONFIRMED each seller
 * order goes its own way ({@link SellerOrderStatus}).
 */
public enum OrderStatus {
    PENDING, AWAITING_PAYMENT, CONFIRMED, CANCELLED
}
