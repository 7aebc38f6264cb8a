package io.haat.payment.payout;

import io.haat.events.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the payout endpoints. */
public final class PayoutRequests {

    private PayoutRequests() {
    }

    /** {@code POST /payouts}: how much, in which currency (minor units). */
    public record Request(@NotNull Money amount) {
    }

    /** {@code POST /admin/payouts/{id}/reject}: why, shown to the seller. */
    public record Reject(@NotBlank @Size(max = 500) String reason) {
    }

    /** {@code POST /admin/payouts/{id}/mark-paid}: the bank transfer's (or other) reference. */
    public record MarkPaid(@NotBlank @Size(max = 200) String reference) {
    }
}
