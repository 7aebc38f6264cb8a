package io.haat.events.seller;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A store was opened, edited, suspended, reinstated or closed; carries what catalog and orders keep locally. */
public record StoreChanged(@NotBlank @Pattern(regexp = EventIds.ID) String storeId,
                           @NotBlank @Pattern(regexp = EventIds.ID) String sellerId, String name, String slug,
                           @NotNull StoreStatus status)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return storeId;
    }
}
