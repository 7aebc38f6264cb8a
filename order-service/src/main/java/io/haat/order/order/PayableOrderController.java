package io.haat.order.order;

import io.haat.events.orders.PayableOrder;
import io.haat.platform.feign.BearerTokenRelayInterceptor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ForbiddenException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * payment-service's look-up {@value PayableOrder#PATH} (the contract): only for a token issued to the
 * {@code haat-services} client ({@code azp}), whatever its roles; the gateway routes no {@code /internal/**}.
 */
@RestController
public class PayableOrderController {

    private final OrderQueries queries;
    private final CurrentUser currentUser;

    public PayableOrderController(OrderQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @GetMapping(PayableOrder.PATH)
    public PayableOrder payable(@PathVariable UUID orderId) {
        if (!currentUser.claim("azp").filter(BearerTokenRelayInterceptor.SERVICE_REGISTRATION_ID::equals)
                .isPresent()) {
            throw new ForbiddenException("Only other Haat services may look orders up.");
        }
        return queries.payable(orderId);
    }
}
