package io.haat.order.checkout;

import io.haat.order.order.Order;
import java.util.List;

/** What one checkout transaction ended with: an order, or the changes the customer must see first (committed). */
sealed interface CheckoutOutcome {

    record Placed(Order order) implements CheckoutOutcome {
    }

    /** Nothing was ordered; the cart's prices were brought up to date, so showing them and retrying goes through. */
    record CartChanged(List<CartChange> changes) implements CheckoutOutcome {
    }
}
