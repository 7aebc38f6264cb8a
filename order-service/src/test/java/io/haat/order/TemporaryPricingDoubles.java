package io.haat.order;

import io.haat.events.Money;
import io.haat.order.pricing.CouponRedemptions;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.Discounts;
import io.haat.order.pricing.ParcelLine;
import io.haat.order.pricing.SellerOrderDiscount;
import io.haat.order.pricing.SellerOrderDraft;
import io.haat.order.pricing.ShippingQuote;
import io.haat.order.pricing.ShippingQuotes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * TEMPORARY test-only stand-ins for the pricing seams, until the real implementations (helpers OA: coupons,
 * OB: shipping) are merged; then this class is deleted and the tests set up real shipping methods and coupons.
 * Shipping: every store offers "standard" (100, 3–5 days) and "express" (300, 1–2 days) everywhere, except the
 * stores in {@link #NOT_SHIPPING}. Coupons: none apply; given-back orders are recorded in {@link #GIVEN_BACK}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TemporaryPricingDoubles {

    public static final Set<String> NOT_SHIPPING = ConcurrentHashMap.newKeySet();
    public static final List<String> GIVEN_BACK = new CopyOnWriteArrayList<>();

    @Bean
    ShippingQuotes temporaryShippingQuotes() {
        return (String storeId, DeliveryAddress address, List<ParcelLine> lines, Money merchandise) ->
                NOT_SHIPPING.contains(storeId) ? List.of() : List.of(
                        new ShippingQuote("standard", "Standard", new Money(100, merchandise.currency()), 3, 5),
                        new ShippingQuote("express", "Express", new Money(300, merchandise.currency()), 1, 2));
    }

    @Bean
    CouponRedemptions temporaryCouponRedemptions() {
        return new CouponRedemptions() {
            @Override
            public List<String> codesOf(UUID cartId) {
                return List.of();
            }

            @Override
            public Discounts preview(String customerId, List<String> codes, List<SellerOrderDraft> drafts) {
                return none(drafts);
            }

            @Override
            public Discounts redeem(String orderId, String customerId, UUID cartId, List<SellerOrderDraft> drafts) {
                return none(drafts);
            }

            @Override
            public void giveBack(String orderId) {
                GIVEN_BACK.add(orderId);
            }

            private Discounts none(List<SellerOrderDraft> drafts) {
                return new Discounts(List.of(), drafts.stream().map(d -> {
                    Money zero = Money.zero(d.merchandise().currency());
                    return new SellerOrderDiscount(d.key(), zero, zero, Map.of(), zero);
                }).toList());
            }
        };
    }
}
