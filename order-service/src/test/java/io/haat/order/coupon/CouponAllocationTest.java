package io.haat.order.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.order.pricing.SellerOrderDiscount;
import io.haat.order.pricing.SellerOrderDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link DiscountAllocation}: amounts, caps, minimums, scopes, funding and the largest-remainder split. */
class CouponAllocationTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void largestRemainderGivesTheLeftOverUnitsToTheLargestRemaindersAndTiesToTheEarlierPart() {
        assertThat(DiscountAllocation.split(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(DiscountAllocation.split(100, new long[] {333, 333, 334})).containsExactly(33, 33, 34);
        assertThat(DiscountAllocation.split(7, new long[] {0, 5, 5})).containsExactly(0, 4, 3);
        assertThat(DiscountAllocation.split(0, new long[] {3, 4})).containsExactly(0, 0);
        assertThat(DiscountAllocation.split(5, new long[] {0, 0})).containsExactly(0, 0);
        // a large amount and weight must not overflow
        assertThat(DiscountAllocation.split(Long.MAX_VALUE / 2, new long[] {Long.MAX_VALUE / 4, Long.MAX_VALUE / 4}))
                .containsExactly(Long.MAX_VALUE / 4 + 1, Long.MAX_VALUE / 4);
    }

    @Test
    void aPercentageOfAStoresLinesIsSplitOverItsLinesToTheMinorUnitAndFundedByTheSeller() {
        SellerOrderDraft a = draft("A", "store-a", 0, line("a1", 333), line("a2", 333), line("a3", 334));
        SellerOrderDraft b = draft("B", "store-b", 0, line("b1", 5_000));

        DiscountAllocation.Outcome outcome = DiscountAllocation.allocate(
                List.of(coupon("store-a", CouponType.PERCENTAGE, 10, null, null)), List.of(a, b));

        SellerOrderDiscount first = outcome.discounts().sellerOrders().get(0);
        assertThat(first.lines()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a1", npr(33), "a2", npr(33), "a3", npr(34)));
        assertThat(first.sellerFunded()).isEqualTo(npr(100));
        assertThat(first.platformFunded()).isEqualTo(npr(0));
        assertThat(first.shipping()).isEqualTo(npr(0));
        SellerOrderDiscount second = outcome.discounts().sellerOrders().get(1);
        assertThat(second.total()).isEqualTo(npr(0));
        assertThat(second.lines()).containsEntry("b1", npr(0));
        assertThat(outcome.applied()).singleElement().satisfies(applied -> assertThat(applied.amount())
                .isEqualTo(npr(100)));
        assertThat(outcome.discounts().coupons()).singleElement().satisfies(c -> {
            assertThat(c.storeId()).isEqualTo("store-a");
            assertThat(c.type()).isEqualTo("PERCENTAGE");
        });
    }

    @Test
    void percentagesRoundHalfUpAndAHundredPercentTakesEverything() {
        SellerOrderDraft a = draft("A", "store-a", 0, line("a1", 15));
        assertThat(total(DiscountAllocation.allocate(List.of(coupon(null, CouponType.PERCENTAGE, 10, null, null)),
                List.of(a)))).isEqualTo(2);                                             // 1.5 → 2
        assertThat(total(DiscountAllocation.allocate(List.of(coupon(null, CouponType.PERCENTAGE, 100, null, null)),
                List.of(a)))).isEqualTo(15);
    }

    @Test
    void aFixedAmountIsCappedAtTheMerchandiseOfItsScope() {
        SellerOrderDraft a = draft("A", "store-a", 200, line("a1", 700), line("a2", 500));
        SellerOrderDraft b = draft("B", "store-b", 0, line("b1", 9_000));

        DiscountAllocation.Outcome outcome = DiscountAllocation.allocate(
                List.of(coupon("store-a", CouponType.FIXED, 5_000, "NPR", null)), List.of(a, b));

        SellerOrderDiscount first = outcome.discounts().sellerOrders().get(0);
        assertThat(first.lines()).containsExactlyInAnyOrderEntriesOf(Map.of("a1", npr(700), "a2", npr(500)));
        assertThat(first.shipping()).isEqualTo(npr(0));                         // shipping is not merchandise
        assertThat(outcome.applied().getFirst().amount()).isEqualTo(npr(1_200));
        assertThat(outcome.discounts().sellerOrders().get(1).total()).isEqualTo(npr(0));
    }

    @Test
    void theMinimumSubtotalIsComparedWithTheScopesMerchandise() {
        SellerOrderDraft a = draft("A", "store-a", 0, line("a1", 999));
        SellerOrderDraft b = draft("B", "store-b", 0, line("b1", 50_000));   // another store's lines do not count

        DiscountAllocation.Outcome below = DiscountAllocation.allocate(
                List.of(coupon("store-a", CouponType.FIXED, 100, "NPR", 1_000L)), List.of(a, b));
        assertThat(below.applied()).isEmpty();
        assertThat(below.refused()).singleElement().satisfies(r ->
                assertThat(r.reason()).isEqualTo(DiscountAllocation.Refusal.MIN_SUBTOTAL));
        assertThat(below.discounts().coupons()).isEmpty();
        assertThat(below.discounts().sellerOrders()).allSatisfy(d -> assertThat(d.total()).isEqualTo(npr(0)));

        SellerOrderDraft exactly = draft("A", "store-a", 0, line("a1", 1_000));
        assertThat(total(DiscountAllocation.allocate(
                List.of(coupon("store-a", CouponType.FIXED, 100, "NPR", 1_000L)), List.of(exactly, b))))
                .isEqualTo(100);
    }

    @Test
    void freeShippingTakesTheShippingOfItsScopeOnly() {
        SellerOrderDraft a = draft("A", "store-a", 150, line("a1", 1_000));
        SellerOrderDraft b = draft("B", "store-b", 250, line("b1", 1_000));

        DiscountAllocation.Outcome store = DiscountAllocation.allocate(
                List.of(coupon("store-b", CouponType.FREE_SHIPPING, 0, null, null)), List.of(a, b));
        assertThat(store.discounts().sellerOrders().get(0).total()).isEqualTo(npr(0));
        SellerOrderDiscount second = store.discounts().sellerOrders().get(1);
        assertThat(second.shipping()).isEqualTo(npr(250));
        assertThat(second.sellerFunded()).isEqualTo(npr(250));
        assertThat(second.lines()).containsEntry("b1", npr(0));

        DiscountAllocation.Outcome site = DiscountAllocation.allocate(
                List.of(coupon(null, CouponType.FREE_SHIPPING, 0, null, null)), List.of(a, b));
        assertThat(site.discounts().sellerOrders()).extracting(SellerOrderDiscount::platformFunded)
                .containsExactly(npr(150), npr(250));
        assertThat(site.applied().getFirst().amount()).isEqualTo(npr(400));
    }

    @Test
    void twoStoreCouponsAndASiteCouponTheSiteOneOnWhatTheStoreOnesLeft() {
        SellerOrderDraft a = draft("A", "store-a", 0, line("a1", 600), line("a2", 400));
        SellerOrderDraft b = draft("B", "store-b", 0, line("b1", 500));
        // the site coupon listed first still comes after the store coupons
        List<Coupon> coupons = List.of(coupon(null, CouponType.FIXED, 300, "NPR", null),
                coupon("store-b", CouponType.FIXED, 50, "NPR", null),
                coupon("store-a", CouponType.PERCENTAGE, 10, null, null));

        DiscountAllocation.Outcome outcome = DiscountAllocation.allocate(coupons, List.of(a, b));

        // A: 10% of 1000 = 100 (60 + 40); B: 50. Left: A 900, B 450 → site 300 split 200 / 100
        SellerOrderDiscount first = outcome.discounts().sellerOrders().get(0);
        assertThat(first.sellerFunded()).isEqualTo(npr(100));
        assertThat(first.platformFunded()).isEqualTo(npr(200));
        assertThat(first.lines()).containsExactlyInAnyOrderEntriesOf(Map.of("a1", npr(180), "a2", npr(120)));
        SellerOrderDiscount second = outcome.discounts().sellerOrders().get(1);
        assertThat(second.sellerFunded()).isEqualTo(npr(50));
        assertThat(second.platformFunded()).isEqualTo(npr(100));
        assertThat(second.lines()).containsEntry("b1", npr(150));
        assertThat(outcome.discounts().coupons()).extracting(c -> c.storeId() == null ? "site" : c.storeId())
                .containsExactly("store-a", "store-b", "site");
    }

    @Test
    void aCouponWithoutLinesOfItsStoreOrInAnotherCurrencyDoesNotApply() {
        SellerOrderDraft a = draft("A", "store-a", 0, line("a1", 1_000));

        DiscountAllocation.Outcome outcome = DiscountAllocation.allocate(List.of(
                coupon("store-z", CouponType.PERCENTAGE, 10, null, null),
                coupon(null, CouponType.FIXED, 100, "USD", null)), List.of(a));

        assertThat(outcome.applied()).isEmpty();
        assertThat(outcome.refused()).extracting(DiscountAllocation.Refused::reason).containsExactly(
                DiscountAllocation.Refusal.NO_LINES, DiscountAllocation.Refusal.CURRENCY);
        assertThat(outcome.discounts().sellerOrders().getFirst().total()).isEqualTo(npr(0));
    }

    @Test
    void thePartsAlwaysAddUpAndNeverExceedALine() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<SellerOrderDraft> drafts = new ArrayList<>();
            for (int d = 0; d < 1 + random.nextInt(4); d++) {
                List<SellerOrderDraft.Line> lines = new ArrayList<>();
                for (int l = 0; l < 1 + random.nextInt(5); l++) {
                    lines.add(line("d" + d + "l" + l, random.nextInt(10_000)));
                }
                drafts.add(new SellerOrderDraft("D" + d, "store-" + (d % 3), lines, npr(random.nextInt(500))));
            }
            List<Coupon> coupons = List.of(coupon("store-0", CouponType.PERCENTAGE, 1 + random.nextInt(100), null, null),
                    coupon("store-1", CouponType.FREE_SHIPPING, 0, null, null),
                    coupon(null, CouponType.FIXED, random.nextInt(20_000), "NPR", null));

            DiscountAllocation.Outcome outcome = DiscountAllocation.allocate(coupons, drafts);
            DiscountAllocation.Outcome again = DiscountAllocation.allocate(coupons, drafts);

            assertThat(again).isEqualTo(outcome);                                      // deterministic
            long applied = outcome.applied().stream().mapToLong(a -> a.amount().amountMinor()).sum();
            long allocated = 0;
            for (int d = 0; d < drafts.size(); d++) {
                SellerOrderDiscount discount = outcome.discounts().sellerOrders().get(d);
                long parts = discount.lines().values().stream().mapToLong(Money::amountMinor).sum()
                        + discount.shipping().amountMinor();
                assertThat(parts).isEqualTo(discount.total().amountMinor());
                for (SellerOrderDraft.Line line : drafts.get(d).lines()) {
                    assertThat(discount.lines().get(line.key()).amountMinor())
                            .isBetween(0L, line.amount().amountMinor());
                }
                assertThat(discount.shipping().amountMinor()).isBetween(0L, drafts.get(d).shipping().amountMinor());
                allocated += parts;
            }
            assertThat(allocated).isEqualTo(applied);
        }
    }

    private static long total(DiscountAllocation.Outcome outcome) {
        return outcome.discounts().sellerOrders().stream().mapToLong(d -> d.total().amountMinor()).sum();
    }

    private static Coupon coupon(String storeId, CouponType type, long value, String currency, Long minSubtotal) {
        return new Coupon(UUID.randomUUID(), storeId, "CODE" + type.ordinal(), type, value,
                currency == null && minSubtotal != null ? "NPR" : currency, minSubtotal, null, null, 0, null, null,
                true, AT, AT);
    }

    private static SellerOrderDraft draft(String key, String storeId, long shipping, SellerOrderDraft.Line... lines) {
        return new SellerOrderDraft(key, storeId, List.of(lines), npr(shipping));
    }

    private static SellerOrderDraft.Line line(String key, long amount) {
        return new SellerOrderDraft.Line(key, "p-" + key, "SKU-" + key, 1, npr(amount));
    }

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }
}
