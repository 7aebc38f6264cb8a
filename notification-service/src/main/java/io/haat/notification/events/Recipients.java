package io.haat.notification.events;

import io.haat.notification.directory.Directory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who an event's message is for, from the event itself or the local copies. */
@Component
class Recipients {

    private final Directory directory;

    Recipients(Directory directory) {
        this.directory = directory;
    }

    /** The order's customer: the event's own {@code customerId} when it carries one, else the copy from OrderPlaced. */
    String customer(String orderId, String customerId) {
        if (customerId != null) {
            return customerId;
        }
        return directory.customerOf(orderId)
                .orElseThrow(() -> new RecipientUnknownException("customer of order " + orderId + " not known yet"));
    }

    /** The user of a seller. */
    String sellerUser(String sellerId) {
        return directory.userOfSeller(sellerId)
                .orElseThrow(() -> new RecipientUnknownException("user of seller " + sellerId + " not known yet"));
    }

    /** The user of the seller owning a store ({@code sellerId} when the event names it). */
    String storeOwner(String storeId, String sellerId) {
        String seller = Optional.ofNullable(sellerId).or(() -> directory.sellerOfStore(storeId))
                .orElseThrow(() -> new RecipientUnknownException("seller of store " + storeId + " not known yet"));
        return sellerUser(seller);
    }

    String storeName(String storeId) {
        return directory.storeName(storeId).orElse("the store");
    }
}
