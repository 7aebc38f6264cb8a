package io.haat.order.returns;

import io.haat.events.Money;
import io.haat.order.order.OrderItem;
import io.haat.order.order.SellerOrder;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.UnprocessableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a return of some units of a seller order is worth. Each line gives back its price minus its share of the
 * line's discounts, and (per the store's {@link ShippingRefund}) the net shipping in proportion to the units. Shares
 * are taken cumulatively over the seller order's returns ({@code share(before + now) - share(before)}), so returning
 * every unit, in however many returns, gives back exactly the line's total and the shipping paid, never a minor unit
 * more.
 *
 * @param lines    the returned lines
 * @param shipping the part of the shipping given back
 */
public record ReturnPricing(List<ReturnLine> lines, Money shipping) {

    /** One requested line as the customer sent it. */
    public record Requested(String sku, int quantity) {
    }

    public Money refund() {
        return lines.stream().map(ReturnLine::refund).reduce(shipping, Money::plus);
    }

    /**
     * Prices {@code requested} against the seller order's delivered lines, given the units of each SKU already in
     * earlier returns that were not rejected. Unknown SKU or one listed twice → 400; more than delivered minus already
     * returned → 422 {@code return-exceeds-delivered}.
     */
    public static ReturnPricing of(SellerOrder part, List<Requested> requested, Map<String, Integer> alreadyReturned,
                                   ShippingRefund policy, ReturnReason reason) {
        List<FieldProblem> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            Requested line = requested.get(i);
            if (!seen.add(line.sku())) {
                errors.add(new FieldProblem("lines[" + i + "].sku", "is listed more than once"));
            } else if (item(part, line.sku()) == null) {
                errors.add(new FieldProblem("lines[" + i + "].sku", "is not a line of this store's part of the order"));
            }
        }
        InvalidRequestException.throwIfAny(errors);
        List<ReturnLine> lines = new ArrayList<>();
        int unitsBefore = alreadyReturned.values().stream().mapToInt(Integer::intValue).sum();
        int unitsNow = 0;
        for (Requested line : requested) {
            OrderItem item = item(part, line.sku());
            int before = alreadyReturned.getOrDefault(line.sku(), 0);
            if (before + line.quantity() > item.quantity()) {
                throw new UnprocessableException("return-exceeds-delivered", "More than was delivered",
                        line.quantity() + " × " + line.sku() + " cannot be returned: " + item.quantity()
                                + " were delivered and " + before + " are already returned or being returned.")
                        .with("sku", line.sku()).with("returnable", item.quantity() - before);
            }
            long discount = share(item.discount().amountMinor(), before + line.quantity(), item.quantity())
                    - share(item.discount().amountMinor(), before, item.quantity());
            lines.add(new ReturnLine(item.productId(), item.sku(), item.name(), line.quantity(),
                    item.unitPrice().times(line.quantity()), new Money(discount, item.unitPrice().currency())));
            unitsNow += line.quantity();
        }
        String currency = part.shipping().currency();
        long shipping = 0;
        if (policy.appliesTo(reason)) {
            long net = part.shipping().minus(part.shippingDiscount()).amountMinor();
            long units = part.units();
            shipping = Math.max(0, Math.floorDiv(net * (unitsBefore + unitsNow), units)
                    - Math.floorDiv(net * unitsBefore, units));
        }
        return new ReturnPricing(lines, new Money(shipping, currency));
    }

    // rounded up, so no return before the last gives back more than its exact share of the discount
    private static long share(long amount, int units, int of) {
        return Math.ceilDiv(amount * units, (long) of);
    }

    private static OrderItem item(SellerOrder part, String sku) {
        return part.items().stream().filter(i -> i.sku().equals(sku)).findFirst().orElse(null);
    }
}
