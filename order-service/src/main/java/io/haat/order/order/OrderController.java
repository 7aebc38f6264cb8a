package io.haat.order.order;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /orders}: the caller's orders (CUSTOMER, {@code RolePaths}); another customer's order is 404. */
@RestController
public class OrderController {

    private final OrderQueries queries;
    private final OrderService service;
    private final CurrentUser currentUser;

    public OrderController(OrderQueries queries, OrderService service, CurrentUser currentUser) {
        this.queries = queries;
        this.service = service;
        this.currentUser = currentUser;
    }

    @GetMapping("/orders")
    public PageResponse<OrderSummary> mine(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return queries.mine(currentUser.id(), status, Paging.of(page, size));
    }

    @GetMapping("/orders/{id}")
    public OrderResponse get(@PathVariable UUID id) {
        return queries.get(currentUser.id(), id);
    }

    /** Cancels before shipment; {@code 200} with the order (already cancelled: unchanged). */
    @PostMapping("/orders/{id}/cancel")
    public OrderResponse cancel(@PathVariable UUID id) {
        return queries.view(service.cancel(currentUser.id(), id));
    }
}
