package io.haat.order.coupon;

import io.haat.events.Money;
import io.haat.order.pricing.Discounts;
import io.haat.order.pricing.SellerOrderDiscount;
import io.haat.order.pricing.SellerOrderDraft;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Prices coupons against seller order drafts; pure and deterministic (no clock, no database).
 *
 * <ul>
 *   <li>Store coupons first (in the order of their store's first draft), then site-wide coupons, each on what the
 *       ones before left: a store coupon's scope is its store's drafts, a site coupon's every draft.</li>
 *   <li>PERCENTAGE takes {@code value}% of the scope's remaining merchandise (rounded half up), FIXED
 *       {@code value}; both capped at that merchandise. FREE_SHIPPING takes the scope's remaining shipping.</li>
 *   <li>A minimum subtotal is compared with the scope's remaining merchandise. A coupon whose scope has no draft,
 *       or holds an amount in another currency than the coupon's, does not apply (it is refused, not an error).</li>
 *   <li>The amount is split over the scope's drafts in proportion to their remaining merchandise, then over each
 *       draft's lines likewise, by largest remainder: the parts add up to the minor unit; ties go to the earlier
 *       draft / line.</li>
 *   <li>A store coupon's amount is {@code sellerFunded}, a site coupon's {@code platformFunded}.</li>
 * </ul>
 */
public final class DiscountAllocation {

    /** Why a coupon does not apply to these drafts. */
    public enum Refusal {
        NO_LINES, CURRENCY, MIN_SUBTOTAL
    }

    /** A coupon that applies and what it takes off in all. */
    public record Applied(Coupon coupon, Money amount) {
    }

    public record Refused(Coupon coupon, Refusal reason) {
    }

    /** The discounts (one entry per draft, in draft order), with each coupon's amount or refusal. */
    public record Outcome(Discounts discounts, List<Applied> applied, List<Refused> refused) {

        public Outcome {
            applied = List.copyOf(applied);
            refused = List.copyOf(refused);
        }
    }

    private final List<SellerOrderDraft> drafts;
    private final long[][] remaining;      // merchandise left per draft and line
    private final long[] shippingLeft;
    private final long[][] lineDiscount;
    private final long[] shippingDiscount;
    private final long[] sellerFunded;
    private final long[] platformFunded;

    private DiscountAllocation(List<SellerOrderDraft> drafts) {
        this.drafts = List.copyOf(drafts);
        int n = drafts.size();
        remaining = new long[n][];
        lineDiscount = new long[n][];
        shippingLeft = new long[n];
        shippingDiscount = new long[n];
        sellerFunded = new long[n];
        platformFunded = new long[n];
        for (int d = 0; d < n; d++) {
            SellerOrderDraft draft = drafts.get(d);
            remaining[d] = draft.lines().stream().mapToLong(line -> line.amount().amountMinor()).toArray();
            lineDiscount[d] = new long[draft.lines().size()];
            shippingLeft[d] = draft.shipping() == null ? 0 : draft.shipping().amountMinor();
        }
    }

    /** Prices {@code coupons} (at most one per scope; the caller picks) against {@code drafts}. */
    public static Outcome allocate(List<Coupon> coupons, List<SellerOrderDraft> drafts) {
        return new DiscountAllocation(drafts).run(coupons);
    }

    private Outcome run(List<Coupon> coupons) {
        List<Applied> applied = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Coupon coupon : ordered(coupons)) {
            int[] scope = IntStream.range(0, drafts.size())
                    .filter(d -> coupon.siteWide() || coupon.storeId().equals(drafts.get(d).storeId())).toArray();
            String currency = currencyOf(coupon, scope);
            Refusal refusal = scope.length == 0 ? Refusal.NO_LINES
                    : !sameCurrency(coupon, scope, currency) ? Refusal.CURRENCY
                    : coupon.minSubtotalMinor() != null && merchandise(scope) < coupon.minSubtotalMinor()
                    ? Refusal.MIN_SUBTOTAL : null;
            if (refusal != null) {
                refused.add(new Refused(coupon, refusal));
            } else {
                applied.add(new Applied(coupon, new Money(apply(coupon, scope), currency)));
            }
        }
        return new Outcome(new Discounts(applied.stream().map(a -> new Discounts.AppliedCoupon(a.coupon().code(),
                a.coupon().storeId(), a.coupon().type().name())).toList(), results()), applied, refused);
    }

    /** Store coupons in the order of their store's first draft, then site-wide ones; otherwise as given. */
    private List<Coupon> ordered(List<Coupon> coupons) {
        List<String> stores = drafts.stream().map(SellerOrderDraft::storeId).toList();
        return coupons.stream().sorted(Comparator.comparingInt(coupon -> {
            if (coupon.siteWide()) {
                return Integer.MAX_VALUE;
            }
            int at = stores.indexOf(coupon.storeId());
            return at < 0 ? Integer.MAX_VALUE - 1 : at;
        })).toList();
    }

    private long apply(Coupon coupon, int[] scope) {
        if (coupon.type() == CouponType.FREE_SHIPPING) {
            long total = 0;
            for (int d : scope) {
                fund(coupon, d, shippingLeft[d]);
                shippingDiscount[d] += shippingLeft[d];
                total += shippingLeft[d];
                shippingLeft[d] = 0;
            }
            return total;
        }
        long base = merchandise(scope);
        long amount = Math.min(base, coupon.type() == CouponType.PERCENTAGE
                ? Math.floorDiv(Math.multiplyExact(base, coupon.value()) + 50, 100) // value % of base, half up
                : coupon.value());
        long[] perDraft = split(amount, IntStream.of(scope).mapToLong(d -> sum(remaining[d])).toArray());
        for (int i = 0; i < scope.length; i++) {
            int d = scope[i];
            long[] perLine = split(perDraft[i], remaining[d]);
            for (int l = 0; l < perLine.length; l++) {
                remaining[d][l] -= perLine[l];
                lineDiscount[d][l] += perLine[l];
            }
            fund(coupon, d, perDraft[i]);
        }
        return amount;
    }

    private void fund(Coupon coupon, int draft, long amount) {
        if (coupon.siteWide()) {
            platformFunded[draft] += amount;
        } else {
            sellerFunded[draft] += amount;
        }
    }

    /**
     * {@code total} split in proportion to {@code weights} by largest remainder: each part is the floor of its exact
     * share, and the units left over go to the largest fractional remainders (ties: the lower index).
     */
    static long[] split(long total, long[] weights) {
        long[] parts = new long[weights.length];
        long weight = sum(weights);
        if (weight == 0 || total == 0) {
            return parts;
        }
        BigInteger whole = BigInteger.valueOf(weight);
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))
                    .divideAndRemainder(whole);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1].longValueExact();
            given += parts[i];
        }
        List<Integer> byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int k = 0; given < total; k++, given++) {
            parts[byRemainder.get(k)]++;
        }
        return parts;
    }

    private long merchandise(int[] scope) {
        return IntStream.of(scope).mapToLong(d -> sum(remaining[d])).sum();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total = Math.addExact(total, value);
        }
        return total;
    }

    /** The coupon's currency, or (a percentage or free shipping without one) that of the scope's first amount. */
    private String currencyOf(Coupon coupon, int[] scope) {
        if (coupon.currency() != null) {
            return coupon.currency();
        }
        for (int d : scope) {
            String currency = draftCurrency(drafts.get(d));
            if (currency != null) {
                return currency;
            }
        }
        return null;
    }

    /** Every line of the scope, and for free shipping every shipping cost that is not zero, in {@code currency}. */
    private boolean sameCurrency(Coupon coupon, int[] scope, String currency) {
        for (int d : scope) {
            SellerOrderDraft draft = drafts.get(d);
            if (draft.lines().stream().anyMatch(line -> !line.amount().currency().equals(currency))) {
                return false;
            }
            if (coupon.type() == CouponType.FREE_SHIPPING && draft.shipping() != null
                    && draft.shipping().amountMinor() != 0 && !draft.shipping().currency().equals(currency)) {
                return false;
            }
        }
        return currency != null;
    }

    private List<SellerOrderDiscount> results() {
        List<SellerOrderDiscount> results = new ArrayList<>();
        for (int d = 0; d < drafts.size(); d++) {
            SellerOrderDraft draft = drafts.get(d);
            String currency = Objects.requireNonNullElse(draftCurrency(draft), "XXX");
            Map<String, Money> lines = new LinkedHashMap<>();
            for (int l = 0; l < draft.lines().size(); l++) {
                SellerOrderDraft.Line line = draft.lines().get(l);
                lines.merge(line.key(), new Money(lineDiscount[d][l], line.amount().currency()), Money::plus);
            }
            results.add(new SellerOrderDiscount(draft.key(), new Money(sellerFunded[d], currency),
                    new Money(platformFunded[d], currency), lines, new Money(shippingDiscount[d], currency)));
        }
        return results;
    }

    private static String draftCurrency(SellerOrderDraft draft) {
        if (!draft.lines().isEmpty()) {
            return draft.lines().getFirst().amount().currency();
        }
        return draft.shipping() == null ? null : draft.shipping().currency();
    }
}
