package io.haat.catalog.store;

import io.haat.events.seller.SellerStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** catalog-service's copy of a seller (which user it is and whether approved), from {@code seller.seller}. */
@Document("sellers")
public record SellerCopy(@Id String id, @Indexed String userId, String businessName, SellerStatus status,
                         long version, Instant updatedAt) {

    public boolean isApproved() {
        return status == SellerStatus.APPROVED;
    }

    public boolean isBanned() {
        return status == SellerStatus.BANNED;
    }
}
