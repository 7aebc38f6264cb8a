package io.haat.seller.commission;

import io.haat.events.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code PUT /admin/commissions/...}: a new rate in basis points (1000 = 10 %), optionally for one
 * category, optionally with a minimum and maximum fee per line; in force from {@code effectiveFrom}
 * (default: now; never in the past).
 */
public record CommissionRequest(
        @NotNull @Min(0) @Max(10_000) Integer basisPoints,
        @Size(min = 1, max = 64) String categoryId,
        Money minimumFee,
        Money maximumFee,
        Instant effectiveFrom) {
}
