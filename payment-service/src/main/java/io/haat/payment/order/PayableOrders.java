package io.haat.payment.order;

import io.haat.events.orders.PayableOrder;
import io.haat.platform.feign.RemoteNotFoundException;
import io.haat.platform.feign.ServiceTokens;
import io.haat.platform.web.ServiceUnavailableException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import io.haat.platform.web.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * An order to take a payment for: the local copy, or — when no event about it has reached us yet — order-service's
 * payable look-up, remembered as the copy so that later events move it on. Called outside any transaction (the
 * look-up is a remote call).
 */
@Service
public class PayableOrders {

    private final OrderCopies copies;
    private final OrderServiceClient orderService;
    private final ServiceTokens tokens;
    private final Clock clock;

    public PayableOrders(OrderCopies copies, OrderServiceClient orderService, ServiceTokens tokens, Clock clock) {
        this.copies = copies;
        this.orderService = orderService;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The order, or 404 {@code order-not-found} when neither the copy nor order-service knows it. */
    public OrderCopy require(String orderId) {
        // a copy is either known or a bare cancellation; both answer without asking order-service
        return copies.find(orderId).orElseGet(() -> copies.remember(lookUp(orderId)).orElseThrow());
    }

    private OrderCopy lookUp(String orderId) {
        PayableOrder payable;
        try {
            payable = orderService.payable(serviceAuthorization(), orderId);
        } catch (RemoteNotFoundException e) {
            throw notFound(orderId);
        }
        return new OrderCopy(payable.orderId(), payable.customerId(), payable.status(), payable.total(),
                payable.sellerOrders(), payable.payment(), payable.paymentDeadline(), clock.instant());
    }

    /** The {@code haat-services} token: order-service admits the look-up only as a service call (role SERVICE). */
    private String serviceAuthorization() {
        try {
            return tokens.authorization().orElseThrow(() -> new ServiceUnavailableException(
                    "the order look-up is not configured (no haat-services client registration)"));
        } catch (OAuth2AuthorizationException e) {
            throw new ServiceUnavailableException("no service token for the order look-up", e);
        }
    }

    public static NotFoundException notFound(String orderId) {
        return new NotFoundException("order-not-found", "Order not found", "Order " + orderId + " was not found.");
    }
}
