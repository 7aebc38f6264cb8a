package io.haat.order.order;

import io.haat.events.orders.PayableOrder;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * payment-service's look-up {@value PayableOrder#PATH} (the contract): role SERVICE ({@code RolePaths}; the
 * platform gives it only to tokens of the {@code haat-services} client, so no user, whatever their roles, gets
 * here: 403). The gateway routes no {@code /internal/**}.
 */
@RestController
public class PayableOrderController {

    private final OrderQueries queries;

    public PayableOrderController(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping(PayableOrder.PATH)
    public PayableOrder payable(@PathVariable UUID orderId) {
        return queries.payable(orderId);
    }
}
