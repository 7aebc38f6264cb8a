package io.haat.order.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PATCH /cart/items/{id}}: the line's new quantity. */
public record QuantityRequest(@NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {
}
