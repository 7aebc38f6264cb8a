package io.haat.events.seller;

import io.haat.events.DomainEvent;

/** A seller application was approved, rejected, banned or unbanned. */
public record SellerStatusChanged(String sellerId, String userId, String businessName, SellerStatus status,
                                  String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return sellerId;
    }
}
