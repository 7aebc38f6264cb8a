package io.haat.payment.payout;

import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admins' payout queue and decisions; each decision on a payout already so decided answers it unchanged. */
@RestController
@RequestMapping("/admin/payouts")
@PreAuthorize("hasRole('ADMIN')")
public class AdminPayoutController {

    private final PayoutService payouts;

    public AdminPayoutController(PayoutService payouts) {
        this.payouts = payouts;
    }

    @GetMapping
    public PageResponse<PayoutResponse> list(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return payouts.withStatus(status(status), paging);
    }

    @PostMapping("/{id}/approve")
    public PayoutResponse approve(@PathVariable String id) {
        return payouts.approve(id);
    }

    @PostMapping("/{id}/reject")
    public PayoutResponse reject(@PathVariable String id, @Valid @RequestBody PayoutRequests.Reject body) {
        return payouts.reject(id, body.reason().strip());
    }

    @PostMapping("/{id}/mark-paid")
    public PayoutResponse markPaid(@PathVariable String id, @Valid @RequestBody PayoutRequests.MarkPaid body) {
        return payouts.markPaid(id, body.reference().strip());
    }

    private static PayoutStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PayoutStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of REQUESTED, APPROVED, REJECTED, PAID");
        }
    }
}
