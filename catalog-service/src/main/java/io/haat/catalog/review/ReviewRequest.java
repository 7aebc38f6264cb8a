package io.haat.catalog.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A review as the customer writes it. {@code orderId} picks the order whose delivered line is reviewed; without
 * it, the first delivered line of the product not reviewed yet is used.
 */
public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating,
                            @Size(max = 120) String title,
                            @Size(max = 2000) String text,
                            String orderId) {
}
