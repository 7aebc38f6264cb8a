package io.haat.order.coupon;

import io.haat.order.pricing.CouponRedemptions;
import io.haat.order.pricing.Discounts;
import io.haat.order.pricing.SellerOrderDraft;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons for the cart view and checkout ({@link CouponRedemptions}). A code means, for a cart or order, the
 * coupons with that code of the stores it holds lines of, or else the site-wide coupon with that code; at most one
 * coupon per store and one site-wide coupon count (of two codes for the same scope, the later applied wins). The
 * amounts come from {@link DiscountAllocation}.
 */
@Service
public class CouponRedemptionService implements CouponRedemptions {

    private final CouponRepository coupons;
    private final Clock clock;

    public CouponRedemptionService(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> codesOf(UUID cartId) {
        return cartId == null ? List.of() : coupons.codesOf(cartId);
    }

    /** Only the coupons usable now count; the others (expired, used up, below their minimum) are left out. */
    @Override
    @Transactional(readOnly = true)
    public Discounts preview(String customerId, List<String> codes, List<SellerOrderDraft> drafts) {
        Instant now = clock.instant();
        Map<String, Coupon> byScope = new LinkedHashMap<>();
        for (String code : codes) {
            for (Coupon coupon : resolve(code, drafts)) {
                if (refusal(coupon, customerId, now).isEmpty()) {
                    byScope.put(coupon.scope(), coupon);
                }
            }
        }
        return DiscountAllocation.allocate(List.copyOf(byScope.values()), drafts).discounts();
    }

    /**
     * Every code on the cart must apply, else 422 and the caller's transaction rolls back. Each coupon's use is
     * consumed by one conditional UPDATE (its limit holds under concurrency), the customer's by a conditional
     * upsert; the redemption is recorded and the codes leave the cart.
     */
    @Override
    @Transactional
    public Discounts redeem(String orderId, String customerId, UUID cartId, List<SellerOrderDraft> drafts) {
        Instant now = clock.instant();
        Map<String, Coupon> byScope = new LinkedHashMap<>();
        for (String code : codesOf(cartId)) {
            List<Coupon> found = resolve(code, drafts);
            if (found.isEmpty()) {
                throw CouponRefusal.notApplicable(code, "does not apply to this order");
            }
            for (Coupon coupon : found) {
                refusal(coupon, customerId, now).ifPresent(refusal -> {
                    throw refusal;
                });
                byScope.put(coupon.scope(), coupon);
            }
        }
        DiscountAllocation.Outcome outcome = DiscountAllocation.allocate(List.copyOf(byScope.values()), drafts);
        outcome.refused().stream().findFirst().ifPresent(refused -> {
            throw refusal(refused);
        });
        // coupon rows are locked in one order (by id) whatever the order's stores, so two checkouts never deadlock
        List<DiscountAllocation.Applied> byId = outcome.applied().stream()
                .sorted(Comparator.comparing(applied -> applied.coupon().id())).toList();
        for (DiscountAllocation.Applied applied : byId) {
            Coupon coupon = applied.coupon();
            if (!coupons.consume(coupon.id(), now)) {
                // lost a race (or the coupon changed since it was read): say why as of now
                Coupon current = coupons.find(coupon.id()).orElse(coupon);
                throw current.refusalAt(now).orElseGet(() -> CouponRefusal.exhausted(coupon.code()));
            }
            if (!coupons.consumeForCustomer(coupon.id(), customerId, coupon.perCustomerLimit())) {
                throw CouponRefusal.limitReached(coupon.code(), coupon.perCustomerLimit());
            }
            coupons.recordRedemption(coupon.id(), orderId, customerId, applied.amount(), now);
        }
        if (cartId != null) {
            coupons.removeFromCart(cartId, null);
        }
        return outcome.discounts();
    }

    /** Gives back each use the order consumed, once: only redemptions still CONSUMED are turned RETURNED. */
    @Override
    @Transactional
    public void giveBack(String orderId) {
        coupons.markReturned(orderId, clock.instant()).forEach(coupons::giveBack);
    }

    /**
     * The coupons {@code code} means for these drafts: those of the drafts' stores with that code, or else the
     * site-wide one. Empty when it means none (unknown, or another store's): the same answer either way, so a
     * customer cannot probe other stores' codes.
     */
    List<Coupon> resolve(String code, List<SellerOrderDraft> drafts) {
        Set<String> stores = new LinkedHashSet<>();
        drafts.forEach(draft -> stores.add(draft.storeId()));
        List<Coupon> found = coupons.withCode(code, stores);
        List<Coupon> ofStores = found.stream().filter(coupon -> !coupon.siteWide()).toList();
        return ofStores.isEmpty() ? found : ofStores;
    }

    /** Why the customer cannot use the coupon now: its state, dates, uses, or their own uses. */
    Optional<CouponRefusal> refusal(Coupon coupon, String customerId, Instant now) {
        Optional<CouponRefusal> refusal = coupon.refusalAt(now);
        if (refusal.isPresent() || coupon.perCustomerLimit() == null || customerId == null) {
            return refusal;
        }
        return coupons.usedBy(coupon.id(), customerId) >= coupon.perCustomerLimit()
                ? Optional.of(CouponRefusal.limitReached(coupon.code(), coupon.perCustomerLimit()))
                : Optional.empty();
    }

    /** The 422 for a coupon the allocation refused. */
    static CouponRefusal refusal(DiscountAllocation.Refused refused) {
        Coupon coupon = refused.coupon();
        return switch (refused.reason()) {
            case NO_LINES -> CouponRefusal.notApplicable(coupon.code(), "applies to none of these items");
            case CURRENCY -> CouponRefusal.notApplicable(coupon.code(),
                    "is in " + coupon.currency() + ", which is not the currency of these items");
            case MIN_SUBTOTAL -> CouponRefusal.notApplicable(coupon.code(), "needs a subtotal of at least "
                    + coupon.minSubtotalMinor() + " " + coupon.currency() + " (minor units)");
        };
    }
}
