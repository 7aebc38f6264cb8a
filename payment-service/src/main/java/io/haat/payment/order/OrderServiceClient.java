package io.haat.payment.order;

import io.haat.events.orders.PayableOrder;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * order-service's payable look-up (docs/order-payment-contract.md), asked only when no copy of the order reached
 * us yet. The {@code Authorization} header is passed explicitly, always the {@code haat-services} token: inside
 * {@code POST /payments} the platform interceptor would otherwise relay the customer's token, which
 * order-service refuses. A GET, so the platform retries it (I/O errors, 502/503/504) behind its circuit breaker.
 * {@code haat.payment.order-service.url} pins an address (tests); empty means discovery.
 */
@FeignClient(name = "order-service", contextId = "paymentOrderLookup", url = "${haat.payment.order-service.url:}")
public interface OrderServiceClient {

    @GetMapping(PayableOrder.PATH)
    PayableOrder payable(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathVariable("orderId") String orderId);
}
