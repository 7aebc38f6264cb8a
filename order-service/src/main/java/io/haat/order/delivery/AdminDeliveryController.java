package io.haat.order.delivery;

import io.haat.order.store.StoreCopies;
import io.haat.order.store.StoreInfo;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins (ADMIN, {@code RolePaths}): {@code POST /admin/deliveries/{id}/assign} and the agent registry,
 * {@code GET /admin/delivery-agents}, {@code PUT /admin/delivery-agents/{agentId}} (regions served, active). Every
 * change is audited.
 */
@RestController
public class AdminDeliveryController {

    /** {@code agentId}: the agent's user id (JWT subject). */
    public record AssignRequest(@NotBlank @Size(max = 100) String agentId) {
    }

    /**
     * The regions an agent serves, each a country code ({@code "NP"}) or a country and a province
     * ({@code "NP/Bagmati"}); compared upper case with the drop-off address.
     */
    public record AgentRequest(
            @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Za-z]{2}(/[\\p{L}0-9 .'-]{1,80})?",
                    message = "must be a country code, optionally followed by /province") String> regions,
            @NotNull Boolean active) {
    }

    private final DeliveryService service;
    private final DeliveryAgents agents;
    private final StoreCopies stores;
    private final CurrentUser currentUser;

    public AdminDeliveryController(DeliveryService service, DeliveryAgents agents, StoreCopies stores,
                                   CurrentUser currentUser) {
        this.service = service;
        this.agents = agents;
        this.stores = stores;
        this.currentUser = currentUser;
    }

    @PostMapping("/admin/deliveries/{id}/assign")
    public DeliveryResponse assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
        Delivery delivery = service.assign(id, request.agentId().strip(), Actor.current(currentUser));
        return DeliveryResponse.of(delivery, stores.find(delivery.storeId()).map(StoreInfo::name).orElse(null));
    }

    @GetMapping("/admin/delivery-agents")
    public PageResponse<DeliveryAgents.Agent> agents(@RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return PageResponse.of(agents.all(paging.size(), (int) paging.offset()), paging, agents.count());
    }

    @PutMapping("/admin/delivery-agents/{agentId}")
    public DeliveryAgents.Agent putAgent(@PathVariable String agentId, @Valid @RequestBody AgentRequest request) {
        List<String> regions = request.regions().stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).distinct()
                .toList();
        return service.putAgent(agentId, regions, request.active(), Actor.current(currentUser));
    }
}
