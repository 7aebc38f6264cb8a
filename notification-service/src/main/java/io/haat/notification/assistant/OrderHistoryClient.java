package io.haat.notification.assistant;

import io.haat.events.Money;
import java.time.Instant;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** order-service's {@code GET /orders}: the caller's own orders, called with the caller's token (relayed). */
@FeignClient(name = "order-service", contextId = "assistantOrders")
interface OrderHistoryClient {

    @GetMapping("/orders")
    OrderPage mine(@RequestParam("size") int size);

    record OrderPage(List<Order> items, long totalItems) {
    }

    record Order(String id, String status, Money total, int itemCount, Instant placedAt) {
    }
}
