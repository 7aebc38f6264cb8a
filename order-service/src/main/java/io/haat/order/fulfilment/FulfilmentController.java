package io.haat.order.fulfilment;

import io.haat.order.order.OrderQueries;
import io.haat.order.order.StoreOrderResponse;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /seller-orders/{id}/…} (SELLER, {@code RolePaths}; the store's owner only, anyone else 404): process, ship,
 * cancel, confirm a delivery by the store's own carrier, and the packing slip. Each answers the seller order as
 * {@code GET /stores/{id}/orders} shows it ({@code 200} also when it already was in that state).
 */
@RestController
public class FulfilmentController {

    private final FulfilmentService service;
    private final OrderQueries queries;
    private final PackingSlips slips;
    private final CurrentUser currentUser;

    public FulfilmentController(FulfilmentService service, OrderQueries queries, PackingSlips slips,
                                CurrentUser currentUser) {
        this.service = service;
        this.queries = queries;
        this.slips = slips;
        this.currentUser = currentUser;
    }

    @PostMapping("/seller-orders/{id}/process")
    public StoreOrderResponse process(@PathVariable UUID id) {
        return queries.storeView(service.process(id, seller()), id);
    }

    @PostMapping("/seller-orders/{id}/ship")
    public StoreOrderResponse ship(@PathVariable UUID id, @Valid @RequestBody(required = false) ShipRequest request) {
        ShipRequest body = request == null ? new ShipRequest(null, null, null) : request;
        return queries.storeView(service.ship(id, body, seller()), id);
    }

    @PostMapping("/seller-orders/{id}/cancel")
    public StoreOrderResponse cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request) {
        return queries.storeView(service.cancel(id, request.reason(), seller()), id);
    }

    @PostMapping("/seller-orders/{id}/delivered")
    public StoreOrderResponse delivered(@PathVariable UUID id,
                                        @Valid @RequestBody(required = false) DeliveredRequest request) {
        DeliveredRequest body = request == null ? new DeliveredRequest(null, null, null) : request;
        return queries.storeView(service.carrierDelivered(id, body.toReport(), seller()), id);
    }

    @GetMapping("/seller-orders/{id}/packing-slip")
    public ResponseEntity<byte[]> packingSlip(@PathVariable UUID id) {
        FulfilmentService.Owned owned = service.owned(id, currentUser.subject());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("packing-slip-" + id + ".pdf").build().toString())
                .body(slips.render(owned.order(), owned.part(), owned.store()));
    }

    private Actor seller() {
        return Actor.current(currentUser);
    }
}
