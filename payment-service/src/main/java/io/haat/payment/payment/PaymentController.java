package io.haat.payment.payment;

import io.haat.platform.idempotency.Idempotent;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer pays their order and follows its payments (only their own: anyone else's is 404). */
@RestController
public class PaymentController {

    private final PaymentService payments;
    private final PaymentQueries queries;
    private final CurrentUser currentUser;

    public PaymentController(PaymentService payments, PaymentQueries queries, CurrentUser currentUser) {
        this.payments = payments;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @PostMapping("/payments")
    @PreAuthorize("hasRole('CUSTOMER')")
    @Idempotent(required = true)
    public ResponseEntity<PaymentViews.PaymentView> pay(@Valid @RequestBody PaymentViews.StartPayment request) {
        PaymentViews.PaymentView started = payments.start(currentUser.subject(), request);
        return ResponseEntity.created(URI.create("/payments/" + started.paymentId())).body(started);
    }

    @GetMapping("/payments/{id}")
    @PreAuthorize("hasRole('CUSTOMER')")
    public PaymentViews.PaymentView payment(@PathVariable UUID id) {
        return queries.payment(id, currentUser.subject());
    }

    @GetMapping("/orders/{orderId}/payments")
    @PreAuthorize("hasRole('CUSTOMER')")
    public PageResponse<PaymentViews.PaymentView> ofOrder(@PathVariable String orderId,
                                                          @RequestParam(required = false) Integer page,
                                                          @RequestParam(required = false) Integer size) {
        return queries.ofOrder(orderId, currentUser.subject(), Paging.of(page, size));
    }
}
