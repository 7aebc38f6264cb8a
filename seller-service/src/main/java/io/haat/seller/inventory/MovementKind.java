package io.haat.seller.inventory;

/**
 * Why an item's stock changed: by its seller (SET, ADJUST, THRESHOLD) or by the order saga (RESTOCK: a sale cancelled
 * before shipment; RETURN: a received return, once per return).
 */
public enum MovementKind {
    SET, ADJUST, THRESHOLD, RESERVE, RELEASE, COMMIT, EXPIRE, RESTOCK, RETURN
}
