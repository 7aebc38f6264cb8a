package io.haat.order.coupon;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /cart/coupon}. */
public record CouponCodeRequest(@NotBlank String code) {
}
