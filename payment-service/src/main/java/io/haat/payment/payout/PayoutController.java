package io.haat.payment.payout;

import io.haat.platform.idempotency.Idempotent;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A seller's own payouts: the seller is the caller, so there is no way to name another seller's. */
@RestController
@PreAuthorize("hasRole('SELLER')")
public class PayoutController {

    private final PayoutService payouts;
    private final CurrentUser currentUser;

    public PayoutController(PayoutService payouts, CurrentUser currentUser) {
        this.payouts = payouts;
        this.currentUser = currentUser;
    }

    @PostMapping("/payouts")
    @Idempotent(required = true)
    public ResponseEntity<PayoutResponse> request(@Valid @RequestBody PayoutRequests.Request body) {
        PayoutResponse payout = payouts.request(currentUser.subject(), body.amount());
        return ResponseEntity.created(URI.create("/payouts/" + payout.id())).body(payout);
    }

    @GetMapping("/payouts/mine")
    public PageResponse<PayoutResponse> mine(@RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return payouts.mine(currentUser.subject(), Paging.of(page, size));
    }

    @GetMapping("/payouts/{id}")
    public PayoutResponse one(@PathVariable String id) {
        return payouts.mineById(currentUser.subject(), id);
    }
}
