package io.haat.events.catalog;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A product view, search click or add-to-cart, for seller analytics. */
public record ProductTracked(@NotBlank @Pattern(regexp = EventIds.ID) String productId,
                             @Pattern(regexp = EventIds.ID) String storeId, @NotBlank String kind, String userId,
                             @NotNull Instant at)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
