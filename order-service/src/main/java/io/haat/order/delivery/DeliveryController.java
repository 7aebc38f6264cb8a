package io.haat.order.delivery;

import io.haat.order.store.StoreCopies;
import io.haat.order.store.StoreInfo;
import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent panel (DELIVERY_AGENT, {@code RolePaths}): {@code GET /deliveries/mine} and
 * {@code POST /deliveries/{id}/status}; a delivery assigned to someone else is 404.
 */
@RestController
public class DeliveryController {

    private final DeliveryService service;
    private final StoreCopies stores;
    private final CurrentUser currentUser;

    public DeliveryController(DeliveryService service, StoreCopies stores, CurrentUser currentUser) {
        this.service = service;
        this.stores = stores;
        this.currentUser = currentUser;
    }

    /** {@code {items: [...]}}: open deliveries first (oldest first), then finished ones (newest first). */
    @GetMapping("/deliveries/mine")
    public Map<String, List<DeliveryResponse>> mine() {
        return Map.of("items", service.mine(currentUser.subject()).stream().map(this::view).toList());
    }

    @PostMapping("/deliveries/{id}/status")
    public DeliveryResponse status(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        Delivery.Report report = request.toReport();
        return view(service.report(id, currentUser.subject(), request.status(), report));
    }

    DeliveryResponse view(Delivery delivery) {
        return DeliveryResponse.of(delivery, stores.find(delivery.storeId()).map(StoreInfo::name).orElse(null));
    }
}
