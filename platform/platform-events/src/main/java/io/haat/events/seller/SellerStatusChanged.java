package io.haat.events.seller;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A seller application was approved, rejected, banned or unbanned. */
public record SellerStatusChanged(@NotBlank @Pattern(regexp = EventIds.ID) String sellerId,
                                  @NotBlank @Pattern(regexp = EventIds.ID) String userId, String businessName,
                                  @NotNull SellerStatus status, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return sellerId;
    }
}
