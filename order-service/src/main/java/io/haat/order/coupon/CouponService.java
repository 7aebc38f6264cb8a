package io.haat.order.coupon;

import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing coupons: a store's ({@code storeId}; the controller checked the caller owns it) or the site-wide ones
 * ({@code storeId} null, admins). A replaced coupon keeps its uses; disabling is {@code active = false}.
 */
@Service
public class CouponService {

    private final CouponRepository coupons;
    private final Clock clock;

    public CouponService(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    /** What a PUT did: the coupon, and whether it was created (201) rather than replaced (200). */
    public record Saved(CouponResponse coupon, boolean created) {
    }

    @Transactional
    public Saved put(String storeId, String rawCode, CouponRequest request) {
        String code = CouponCodes.normalise(rawCode, "code");
        CouponRequest.Terms terms = request.terms();
        Instant now = now();
        while (true) {
            Optional<Coupon> existing = coupons.find(storeId, code, true);
            if (existing.isPresent()) {
                Coupon before = existing.get();
                if (terms.usageLimit() != null && terms.usageLimit() < before.used()) {
                    throw new InvalidRequestException("usageLimit",
                            "must be at least the " + before.used() + " uses already made");
                }
                Coupon after = with(before.id(), storeId, code, terms, before.used(), before.createdAt(), now);
                coupons.replace(after);
                return new Saved(CouponResponse.of(after), false);
            }
            Coupon created = with(UUID.randomUUID(), storeId, code, terms, 0, now, now);
            if (coupons.insert(created)) {
                return new Saved(CouponResponse.of(created), true);
            }
            // created concurrently with the same code: replace that one (the loop finds and locks it)
        }
    }

    @Transactional(readOnly = true)
    public PageResponse<CouponResponse> list(String storeId, Paging paging) {
        return PageResponse.of(coupons.page(storeId, paging).stream().map(CouponResponse::of).toList(), paging,
                coupons.count(storeId));
    }

    @Transactional(readOnly = true)
    public CouponResponse get(String storeId, String rawCode) {
        String code = CouponCodes.normalise(rawCode, "code");
        return coupons.find(storeId, code, false).map(CouponResponse::of).orElseThrow(() -> notFound(code));
    }

    /** Disables the coupon (already disabled: unchanged); codes already on carts stop applying. */
    @Transactional
    public void disable(String storeId, String rawCode) {
        String code = CouponCodes.normalise(rawCode, "code");
        if (!coupons.disable(storeId, code, now())) {
            throw notFound(code);
        }
    }

    private static Coupon with(UUID id, String storeId, String code, CouponRequest.Terms terms, int used,
                               Instant createdAt, Instant now) {
        return new Coupon(id, storeId, code, terms.type(), terms.value(), terms.currency(), terms.minSubtotalMinor(),
                terms.usageLimit(), terms.perCustomerLimit(), used, terms.startsAt(), terms.endsAt(), terms.active(),
                createdAt, now);
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("coupon-not-found", "Coupon not found", "Coupon " + code + " was not found.");
    }

    /** To the microsecond PostgreSQL keeps, so what a PUT answers equals what a later GET returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
