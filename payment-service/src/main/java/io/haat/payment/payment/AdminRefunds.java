package io.haat.payment.payment;

import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@code POST /admin/payments/{id}/refund}: records the refund (full, or part of what the payment captured and
 * has not refunded) in one transaction ({@link RefundRequests#admin}), then asks the provider outside it
 * ({@link RefundWorker}). The platform's {@code Idempotency-Key} makes a retried request answer the first refund.
 */
@Service
public class AdminRefunds {

    private final RefundRequests requests;
    private final RefundWorker worker;

    public AdminRefunds(RefundRequests requests, RefundWorker worker) {
        this.requests = requests;
        this.worker = worker;
    }

    /** The refund after its provider answered (or REQUESTED when it could not be reached: retried by the job). */
    public Refund refund(UUID paymentId, Long amountMinor, String note) {
        return worker.process(requests.admin(paymentId, amountMinor, note).id());
    }
}
