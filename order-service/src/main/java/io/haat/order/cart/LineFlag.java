package io.haat.order.cart;

/** Why a cart line needs the customer's attention; flagged lines stay in the cart. */
public enum LineFlag {
    /** The product is no longer on sale (unpublished, banned, archived, deleted) or the SKU no longer exists. */
    UNAVAILABLE,
    /** None left. */
    OUT_OF_STOCK,
    /** Fewer left than the line holds. */
    INSUFFICIENT_STOCK,
    /** The unit price is not the one the customer saw when adding the line. */
    PRICE_CHANGED;

    /** Whether the line cannot be bought as it is (and so is left out of subtotals). */
    public boolean blocksPurchase() {
        return this != PRICE_CHANGED;
    }
}
