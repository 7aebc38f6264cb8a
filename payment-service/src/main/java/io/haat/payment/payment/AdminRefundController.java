package io.haat.payment.payment;

import io.haat.platform.idempotency.Idempotent;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.UnprocessableException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin refunds (part of) a captured payment. 201 when the provider refunded it (or it is recorded as manual:
 * cash on delivery, eSewa), 202 when the provider could not be reached (the job retries), 422 when it refused.
 */
@RestController
public class AdminRefundController {

    private final AdminRefunds refunds;
    private final RefundRequestRepository requests;
    private final RefundRepository refundRecords;

    public AdminRefundController(AdminRefunds refunds, RefundRequestRepository requests,
                                 RefundRepository refundRecords) {
        this.refunds = refunds;
        this.requests = requests;
        this.refundRecords = refundRecords;
    }

    /**
     * Refund requests of returns and disputes, newest first; {@code status} ACCEPTED or FAILED (could not be covered,
     * nothing refunded), absent: all. Each with its refunds and what they gave back so far.
     */
    @GetMapping("/admin/payments/refund-requests")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public PageResponse<PaymentViews.RefundRequestView> refundRequests(@RequestParam(required = false) String status,
                                                                      @RequestParam(required = false) Integer page,
                                                                      @RequestParam(required = false) Integer size) {
        if (status != null && !List.of("ACCEPTED", "FAILED").contains(status)) {
            throw new InvalidRequestException("status", "must be ACCEPTED or FAILED");
        }
        Paging paging = Paging.of(page, size);
        return PageResponse.of(requests.page(status, paging.offset(), paging.size()).stream()
                .map(r -> PaymentViews.RefundRequestView.of(r, refundRecords.ofRequest(r.requestId()))).toList(),
                paging, requests.count(status));
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
