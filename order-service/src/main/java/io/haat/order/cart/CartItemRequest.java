package io.haat.order.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /cart/items}: units of one variant of a product. */
public record CartItemRequest(@NotBlank @Size(max = 64) String productId, @NotBlank @Size(max = 128) String sku,
                              @NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {
}
