package io.haat.events.inventory;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** The stock of one SKU changed; catalog-service shows availability from it. */
public record StockLevelChanged(@NotBlank @Pattern(regexp = EventIds.ID) String storeId,
                                @NotBlank @Pattern(regexp = EventIds.ID) String sku, @PositiveOrZero int quantity,
                                @PositiveOrZero int reserved, int available)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return storeId + ":" + sku;
    }
}
