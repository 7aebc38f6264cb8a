package io.haat.order.shipping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code haat.order.shipping.*}: the weight counted for a unit whose variant has none in the catalog copy (the
 * seller gave none, or the copy does not know it yet), and how many active methods a store may have.
 */
@Validated
@ConfigurationProperties("haat.order.shipping")
public record ShippingProperties(@DefaultValue("500") @Min(0) @Max(1_000_000) int defaultWeightGrams,
                                 @DefaultValue("20") @Min(1) @Max(100) int maxMethodsPerStore) {
}
