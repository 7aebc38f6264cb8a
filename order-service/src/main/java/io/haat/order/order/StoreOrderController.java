package io.haat.order.order;

import io.haat.order.store.StoreOwnership;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /stores/{id}/orders}: the seller orders of the caller's store (SELLER owner; another store is 404). */
@RestController
public class StoreOrderController {

    private final OrderQueries queries;
    private final StoreOwnership ownership;

    public StoreOrderController(OrderQueries queries, StoreOwnership ownership) {
        this.queries = queries;
        this.ownership = ownership;
    }

    @GetMapping("/stores/{storeId}/orders")
    public PageResponse<StoreOrderResponse> list(@PathVariable String storeId,
                                                 @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        ownership.requireOwned(storeId);
        return queries.ofStore(storeId, status, Paging.of(page, size));
    }
}
