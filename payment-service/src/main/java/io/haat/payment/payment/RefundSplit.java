package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.ledger.SellerOrderPosition;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How a refund is taken: first from the order's customer credit (money captured beyond its total, which no seller
 * received), the rest from the seller orders in proportion to what each received and has not given back (its net
 * captured), by largest remainder so the parts add up to the minor unit and none exceeds its net captured.
 */
public record RefundSplit(List<SellerOrderRefund> sellerOrders, Money customerCredit) {

    public static RefundSplit of(Money amount, List<SellerOrderTotals> split, Map<String, SellerOrderPosition> positions,
                                 long customerCreditMinor) {
        String currency = amount.currency();
        long credit = Math.min(amount.amountMinor(), Math.max(0, customerCreditMinor));
        long rest = amount.amountMinor() - credit;
        long[] net = split.stream().mapToLong(so -> Math.max(0,
                positions.getOrDefault(so.sellerOrderId(), SellerOrderPosition.NONE).netCaptured())).toArray();
        long held = Arrays.stream(net).sum();
        if (rest > held) {
            throw new IllegalStateException("a refund of " + rest + " exceeds the " + held
                    + " the seller orders received and kept");
        }
        long[] parts = new long[net.length];
        BigInteger[] remainders = new BigInteger[net.length];
        long given = 0;
        for (int i = 0; i < net.length; i++) {
            BigInteger[] division = held == 0 ? new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO}
                    : BigInteger.valueOf(rest).multiply(BigInteger.valueOf(net[i]))
                    .divideAndRemainder(BigInteger.valueOf(held));
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += parts[i];
        }
        long left = rest - given;
        List<Integer> byRemainder = IntStream.range(0, net.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed()).toList();
        for (int k = 0; left > 0; k++) {
            int i = byRemainder.get(k);
            // a non-zero remainder means the exact share lies strictly below net[i]: one more unit still fits
            parts[i]++;
            left--;
        }
        List<SellerOrderRefund> refunds = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                SellerOrderTotals so = split.get(i);
                refunds.add(new SellerOrderRefund(so.sellerOrderId(), so.storeId(), so.sellerId(),
                        new Money(parts[i], currency)));
            }
        }
        return new RefundSplit(List.copyOf(refunds), new Money(credit, currency));
    }
}
