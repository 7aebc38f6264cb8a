package io.haat.events.orders;

import io.haat.events.EventIds;
import io.haat.events.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** One line of an order, in the seller order of its store. */
public record OrderLine(@Pattern(regexp = EventIds.ID) String sellerOrderId,
                        @NotBlank @Pattern(regexp = EventIds.ID) String storeId,
                        @NotBlank @Pattern(regexp = EventIds.ID) String productId,
                        @NotBlank @Pattern(regexp = EventIds.ID) String sku, @Positive int quantity,
                        @NotNull @Valid Money unitPrice) {
}
