package io.haat.order.returns;

import io.haat.order.store.StoreOwnership;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see a return (and its photos): the customer who asked, the seller of its store, admins. Who may decide it:
 * the store's seller. Anyone else gets 404, as for a return that does not exist.
 */
@Component
public class ReturnAccess {

    private final CurrentUser currentUser;
    private final StoreOwnership ownership;

    public ReturnAccess(CurrentUser currentUser, StoreOwnership ownership) {
        this.currentUser = currentUser;
        this.ownership = ownership;
    }

    public boolean sellerOwns(ReturnRequest r) {
        return currentUser.hasRole("SELLER") && ownership.owns(r.storeId());
    }

    public boolean maySee(ReturnRequest r) {
        return currentUser.hasRole("ADMIN") || currentUser.subject().equals(r.customerId().toString())
                || sellerOwns(r);
    }

    public static NotFoundException notFound(UUID returnId) {
        return new NotFoundException("return-not-found", "Return not found", "Return " + returnId + " was not found.");
    }
}
