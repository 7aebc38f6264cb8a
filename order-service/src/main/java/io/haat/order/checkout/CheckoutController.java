package io.haat.order.checkout;

import io.haat.platform.idempotency.Idempotent;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /checkout} (CUSTOMER, {@code RolePaths}): the caller's cart becomes an order. An
 * {@code Idempotency-Key} is required: the same key and body answer the first answer again (one order), the same
 * key with another body is 422.
 */
@RestController
public class CheckoutController {

    private final CheckoutService checkout;

    public CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/checkout")
    @Idempotent(required = true)
    public ResponseEntity<CheckoutResponse> checkout(@Valid @RequestBody CheckoutRequest request) {
        CheckoutResponse placed = CheckoutResponse.of(checkout.checkout(request));
        return ResponseEntity.created(URI.create("/orders/" + placed.orderId())).body(placed);
    }
}
