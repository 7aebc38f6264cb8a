package io.haat.catalog.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** catalog-service's copy of a seller (which user it is and whether approved), from {@code seller.seller}. */
@Document("sellers")
public record SellerCopy(@Id String id, @Indexed String userId, String businessName, String status, long version,
                         Instant updatedAt) {

    public static final String APPROVED = "APPROVED";
    public static final String BANNED = "BANNED";

    public boolean isApproved() {
        return APPROVED.equals(status);
    }

    public boolean isBanned() {
        return BANNED.equals(status);
    }
}
