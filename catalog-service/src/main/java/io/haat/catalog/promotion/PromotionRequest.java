package io.haat.catalog.promotion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A promotion as an admin writes it (create and full edit); the image is uploaded separately. */
public record PromotionRequest(@NotBlank @Size(max = 120) String title,
                               @Size(max = 300) String subtitle,
                               @NotNull Promotion.Placement placement,
                               @NotNull @Valid TargetRequest target,
                               @NotNull Instant startsAt,
                               @NotNull Instant endsAt,
                               @Min(0) @Max(1000) Integer priority,
                               Boolean enabled) {

    /** The target: {@code id} for PRODUCT, CATEGORY and STORE; {@code url} (http or https) for URL. */
    public record TargetRequest(@NotNull Promotion.TargetType type, @Size(max = 100) String id,
                                @Size(max = 2000) String url) {
    }
}
