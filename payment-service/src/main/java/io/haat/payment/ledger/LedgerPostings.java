package io.haat.payment.ledger;

import static io.haat.payment.ledger.AccountKind.COMMISSION_REVENUE;
import static io.haat.payment.ledger.AccountKind.CUSTOMER_CLEARING;
import static io.haat.payment.ledger.AccountKind.CUSTOMER_CREDIT;
import static io.haat.payment.ledger.AccountKind.PLATFORM_DISCOUNTS;
import static io.haat.payment.ledger.AccountKind.REFUNDS;
import static io.haat.payment.ledger.AccountKind.SELLER_AVAILABLE;
import static io.haat.payment.ledger.AccountKind.SELLER_PENDING;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger's rules: which entries a capture, a completion and a refund post. Pure (no database, no clock): the
 * caller passes what the ledger already holds for the seller orders concerned ({@link SellerOrderPosition}).
 *
 * <ul>
 *   <li><b>Capture.</b> The amount is allocated over the seller orders by a fixed waterfall in the split's order
 *   (each up to what it still lacks of its total), so a seller order never gets more than its total and gets
 *   exactly it once the order is paid; anything beyond the order's total is {@code CUSTOMER_CREDIT} (an
 *   overpayment to refund). Per seller order the seller's gross is {@code total + platformDiscount}; the
 *   commission is the rate on {@code merchandise - sellerDiscount} (after seller-funded discounts; shipping
 *   carries none), half up. Commission and platform discount are recognised in proportion to the part of the
 *   total captured so far, {@code floor(captured * amount / total)} on the cumulative figure, so partial captures
 *   are exact and the last one brings both to their full amounts: nothing is lost or invented by rounding.</li>
 *   <li><b>Completion.</b> The seller order's pending earnings move to the seller's available balance.</li>
 *   <li><b>Refund.</b> Per seller order, the seller's share and the commission and platform discount are
 *   reversed in proportion to the part of the captured money refunded (again cumulatively, so a full refund
 *   reverses exactly what was posted). The seller's part comes from that seller order's pending earnings first,
 *   the rest from the seller's available balance, which may go negative (netted against later earnings).</li>
 * </ul>
 */
public final class LedgerPostings {

    private static final int MAX_BASIS_POINTS = 10_000;

    private LedgerPostings() {
    }

    /** The entries of a capture of {@code amount} for an order split as {@code split}. */
    public static LedgerTransaction capture(String paymentId, String orderId, Money amount,
                                            List<SellerOrderTotals> split, CommissionRates rates,
                                            Map<String, SellerOrderPosition> positions, Instant at) {
        return capture("capture:" + paymentId, paymentId, orderId, amount, split, rates, positions, at);
    }

    /**
     * A capture posted under its own idempotency key: one part of a payment captured at a time (the cash of one
     * delivery, {@code cod:<deliveryId>}). The waterfall runs in {@code split}'s order, so the caller puts the seller
     * order the money is for first.
     */
    public static LedgerTransaction capture(String idempotencyKey, String paymentId, String orderId, Money amount,
                                            List<SellerOrderTotals> split, CommissionRates rates,
                                            Map<String, SellerOrderPosition> positions, Instant at) {
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("a capture is a positive amount, not " + amount.amountMinor());
        }
        // a split in the capture's currency, each seller order once (the sum is the order's total by definition)
        SellerOrderTotals.requireSplitOf(split.stream().map(SellerOrderTotals::total)
                .reduce(Money.zero(amount.currency()), Money::plus), split);
        String currency = amount.currency();
        List<LedgerEntry> entries = new ArrayList<>();
        long left = amount.amountMinor();
        for (SellerOrderTotals part : split) {
            SellerOrderPosition before = positions.getOrDefault(part.sellerOrderId(), SellerOrderPosition.NONE);
            long total = part.total().amountMinor();
            long share = Math.min(left, Math.max(0, total - before.captured()));
            left -= share;
            long capturedAfter = before.captured() + share;
            long commission = commission(part, rates);
            long commissionDue = proportion(capturedAfter, commission, total) - before.commissionCharged();
            long discountDue = proportion(capturedAfter, part.platformDiscount().amountMinor(), total)
                    - before.discountFunded();
            long sellerShare = share + discountDue - commissionDue;
            String so = part.sellerOrderId();
            AccountKind sellerAccount = before.completed() ? SELLER_AVAILABLE : SELLER_PENDING;
            add(entries, Account.platform(CUSTOMER_CLEARING, currency), share, orderId, so);
            add(entries, Account.platform(PLATFORM_DISCOUNTS, currency), discountDue, orderId, so);
            add(entries, Account.platform(COMMISSION_REVENUE, currency), -commissionDue, orderId, so);
            add(entries, Account.seller(sellerAccount, part.sellerId(), currency), -sellerShare, orderId, so);
        }
        if (left > 0) {
            add(entries, Account.platform(CUSTOMER_CLEARING, currency), left, orderId, null);
            add(entries, Account.platform(CUSTOMER_CREDIT, currency), -left, orderId, null);
        }
        return new LedgerTransaction(UUID.randomUUID(), idempotencyKey, TransactionKind.CAPTURE, orderId,
                paymentId, "CAPTURE", at, entries);
    }

    /** The move of a completed seller order's pending earnings to available; empty if nothing is pending. */
    public static Optional<LedgerTransaction> completion(String sellerOrderId, String orderId, String sellerId,
                                                         String currency, SellerOrderPosition position,
                                                         Instant at) {
        if (position.pending() == 0) {
            return Optional.empty();
        }
        List<LedgerEntry> entries = new ArrayList<>();
        add(entries, Account.seller(SELLER_PENDING, sellerId, currency), position.pending(), orderId, sellerOrderId);
        add(entries, Account.seller(SELLER_AVAILABLE, sellerId, currency), -position.pending(), orderId,
                sellerOrderId);
        return Optional.of(new LedgerTransaction(UUID.randomUUID(), "complete:" + sellerOrderId,
                TransactionKind.COMPLETION, orderId, sellerOrderId, "COMPLETION", at, entries));
    }

    /** The reversal of a refund split over seller orders as {@code parts}. */
    public static LedgerTransaction refund(String refundId, String orderId, List<SellerOrderRefund> parts,
                                           RefundReason reason, Map<String, SellerOrderPosition> positions,
                                           Instant at) {
        return refund(refundId, orderId, parts, null, reason, positions, at);
    }

    /**
     * A refund of {@code customerCredit} (money captured beyond the order's total, held in {@code CUSTOMER_CREDIT};
     * null or zero for none) plus {@code parts} from seller orders. The caller checks the order holds that much
     * credit ({@code LedgerRepository.customerCredit}).
     */
    public static LedgerTransaction refund(String refundId, String orderId, List<SellerOrderRefund> parts,
                                           Money customerCredit, RefundReason reason,
                                           Map<String, SellerOrderPosition> positions, Instant at) {
        long credit = customerCredit == null ? 0 : customerCredit.amountMinor();
        if (credit < 0) {
            throw new IllegalArgumentException("a refund from customer credit is not negative: " + credit);
        }
        if (parts.isEmpty() && credit == 0) {
            throw new IllegalArgumentException("a refund is split over at least one seller order");
        }
        List<LedgerEntry> entries = new ArrayList<>();
        if (credit > 0) {
            add(entries, Account.platform(CUSTOMER_CREDIT, customerCredit.currency()), credit, orderId, null);
            add(entries, Account.platform(REFUNDS, customerCredit.currency()), -credit, orderId, null);
        }
        for (SellerOrderRefund part : parts) {
            SellerOrderPosition before = positions.getOrDefault(part.sellerOrderId(), SellerOrderPosition.NONE);
            String currency = part.amount().currency();
            long refund = part.amount().amountMinor();
            if (refund > before.netCaptured()) {
                throw new IllegalArgumentException("refund of " + refund + " for seller order "
                        + part.sellerOrderId() + " exceeds the " + before.netCaptured() + " captured and not refunded");
            }
            long refundedAfter = before.refunded() + refund;
            long commissionBack = proportion(refundedAfter, before.commissionCharged(), before.captured())
                    - before.commissionReversed();
            long discountBack = proportion(refundedAfter, before.discountFunded(), before.captured())
                    - before.discountReversed();
            long sellerOwes = refund + discountBack - commissionBack;
            long fromPending = Math.max(0, Math.min(sellerOwes, before.pending()));
            String so = part.sellerOrderId();
            add(entries, Account.platform(REFUNDS, currency), -refund, orderId, so);
            add(entries, Account.platform(PLATFORM_DISCOUNTS, currency), -discountBack, orderId, so);
            add(entries, Account.platform(COMMISSION_REVENUE, currency), commissionBack, orderId, so);
            add(entries, Account.seller(SELLER_PENDING, part.sellerId(), currency), fromPending, orderId, so);
            add(entries, Account.seller(SELLER_AVAILABLE, part.sellerId(), currency), sellerOwes - fromPending,
                    orderId, so);
        }
        return new LedgerTransaction(UUID.randomUUID(), "refund:" + refundId, TransactionKind.REFUND, orderId,
                refundId, reason.name(), at, entries);
    }

    /**
     * The commission of a whole seller order: the rate on its merchandise after seller-funded discounts (bounded as
     * the policy's rule says), never below zero nor above that base.
     */
    static long commission(SellerOrderTotals part, CommissionRates rates) {
        int bps = rates.basisPoints(part);
        if (bps < 0 || bps > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException("commission of " + bps + " basis points for seller order "
                    + part.sellerOrderId() + " is not within 0..10000");
        }
        Money base = part.merchandise().minus(part.sellerDiscount());
        if (base.amountMinor() <= 0) {
            return 0;
        }
        return Math.min(base.amountMinor(), Math.max(0, rates.commissionMinor(part, base)));
    }

    /** {@code floor(done * amount / whole)}: the part of {@code amount} recognised when {@code done} of {@code whole} is. */
    static long proportion(long done, long amount, long whole) {
        if (whole == 0 || done >= whole) {
            return amount;
        }
        // done * amount may pass 2^63 for large amounts: exact in BigInteger, the result fits (it is below amount)
        return BigInteger.valueOf(done).multiply(BigInteger.valueOf(amount))
                .divide(BigInteger.valueOf(whole)).longValueExact();
    }

    private static void add(List<LedgerEntry> entries, Account account, long amountMinor, String orderId,
                            String sellerOrderId) {
        if (amountMinor != 0) {
            entries.add(new LedgerEntry(account, new Money(amountMinor, account.currency()), orderId, sellerOrderId));
        }
    }
}
