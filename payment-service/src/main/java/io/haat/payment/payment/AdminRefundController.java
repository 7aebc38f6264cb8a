package io.haat.payment.payment;

import io.haat.platform.idempotency.Idempotent;
import io.haat.platform.web.UnprocessableException;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin refunds (part of) a captured payment. 201 when the provider refunded it (or it is recorded as manual:
 * cash on delivery, eSewa), 202 when the provider could not be reached (the job retries), 422 when it refused.
 */
@RestController
public class AdminRefundController {

    private final AdminRefunds refunds;

    public AdminRefundController(AdminRefunds refunds) {
        this.refunds = refunds;
    }

    @PostMapping("/admin/payments/{id}/refund")
    @PreAuthorize("hasRole('ADMIN')")
    @Idempotent(required = true)
    public ResponseEntity<PaymentViews.RefundView> refund(@PathVariable UUID id,
                                                          @Valid @RequestBody PaymentViews.RefundPayment request) {
        Refund refund = refunds.refund(id, request.amount(), request.reason());
        return switch (refund.status()) {
            case REFUNDED, MANUAL -> ResponseEntity.status(HttpStatus.CREATED).body(PaymentViews.RefundView.of(refund));
            case REQUESTED, PENDING -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(PaymentViews.RefundView.of(refund));
            case REFUSED, FAILED -> throw new UnprocessableException("refund-refused", "Refund refused by the provider",
                    "Refund " + refund.id() + " was refused: " + refund.failure());
        };
    }
}
