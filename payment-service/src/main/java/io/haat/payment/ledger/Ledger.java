package io.haat.payment.ledger;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts money movements to the ledger, each once: the entry points for the payment flows (captures from
 * {@code PaymentCaptured}, completions from {@code SellerOrderStatusChanged} COMPLETED, refunds from
 * {@code PaymentRefunded}). Each call locks the order, returns the transaction already posted under the same
 * idempotency key if there is one, and otherwise asks {@link LedgerPostings} for the entries and stores them. It
 * joins the caller's transaction (a consumer's {@code ProcessedEvents.runOnce}), or opens its own.
 */
@Service
public class Ledger {

    private final LedgerRepository ledger;
    private final Clock clock;

    public Ledger(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What a posting did: the transaction, and whether it had been posted before (nothing new written). */
    public record Posted(LedgerTransaction transaction, boolean duplicate) {
    }

    /** A captured payment, split over the order's seller orders with the commission rates at order time. */
    @Transactional
    public Posted postCapture(String paymentId, String orderId, Money amount, List<SellerOrderTotals> split,
                              CommissionRates rates) {
        ledger.lockOrder(orderId);
        return ledger.findByKey("capture:" + paymentId).map(first -> new Posted(first, true))
                .orElseGet(() -> store(LedgerPostings.capture(paymentId, orderId, amount, split, rates,
                        ledger.positions(split.stream().map(SellerOrderTotals::sellerOrderId).toList()),
                        clock.instant())));
    }

    /**
     * The cash of one delivery, collected for {@code sellerOrderId}: a capture of that part of the order's cash-on-delivery
     * payment {@code paymentId}, once per delivery ({@code cod:<deliveryId>}). The money goes to that seller order
     * first (up to what it still lacks of its total), any rest down the order's split as a capture's would.
     */
    @Transactional
    public Posted postCashCollected(String deliveryId, String paymentId, String orderId, String sellerOrderId,
                                    Money amount, List<SellerOrderTotals> split, CommissionRates rates) {
        ledger.lockOrder(orderId);
        List<SellerOrderTotals> targetFirst = new ArrayList<>(split);
        targetFirst.sort(Comparator.comparing(so -> !so.sellerOrderId().equals(sellerOrderId)));
        return ledger.findByKey("cod:" + deliveryId).map(first -> new Posted(first, true))
                .orElseGet(() -> store(LedgerPostings.capture("cod:" + deliveryId, paymentId, orderId, amount,
                        targetFirst, rates, ledger.positions(split.stream().map(SellerOrderTotals::sellerOrderId)
                                .toList()), clock.instant())));
    }

    /**
     * A seller order completed: its pending earnings become available, and whatever is captured for it later is
     * available at once. Applied once per seller order; empty if nothing was pending (then, or the first time).
     */
    @Transactional
    public Optional<Posted> postCompletion(String sellerOrderId, String orderId) {
        ledger.lockOrder(orderId);
        if (!ledger.recordCompletion(sellerOrderId, orderId, clock.instant())) {
            return ledger.findByKey("complete:" + sellerOrderId).map(first -> new Posted(first, true));
        }
        return ledger.sellerAccountOf(sellerOrderId).flatMap(account -> LedgerPostings.completion(sellerOrderId,
                        orderId, account.sellerId(), account.currency(),
                        ledger.positions(List.of(sellerOrderId)).get(sellerOrderId), clock.instant()))
                .map(this::store);
    }

    /** A refund, split over seller orders as {@code PaymentRefunded} carries it. */
    @Transactional
    public Posted postRefund(String refundId, String orderId, List<SellerOrderRefund> parts, RefundReason reason) {
        ledger.lockOrder(orderId);
        return ledger.findByKey("refund:" + refundId).map(first -> new Posted(first, true))
                .orElseGet(() -> store(LedgerPostings.refund(refundId, orderId, parts, reason,
                        ledger.positions(parts.stream().map(SellerOrderRefund::sellerOrderId).toList()),
                        clock.instant())));
    }

    /**
     * A refund of {@code customerCredit} (the order's overpayment; null or zero for none) plus {@code parts} from
     * seller orders, as {@code PaymentRefunded} carries them.
     */
    @Transactional
    public Posted postRefund(String refundId, String orderId, List<SellerOrderRefund> parts, Money customerCredit,
                             RefundReason reason) {
        ledger.lockOrder(orderId);
        return ledger.findByKey("refund:" + refundId).map(first -> new Posted(first, true))
                .orElseGet(() -> {
                    if (customerCredit != null && customerCredit.amountMinor()
                            > ledger.customerCredit(orderId, customerCredit.currency())) {
                        throw new IllegalArgumentException("refund of " + customerCredit.amountMinor()
                                + " from the customer credit of order " + orderId + " exceeds what it holds");
                    }
                    return store(LedgerPostings.refund(refundId, orderId, parts, customerCredit, reason,
                            ledger.positions(parts.stream().map(SellerOrderRefund::sellerOrderId).toList()),
                            clock.instant()));
                });
    }

    /**
     * What a refund of this order may take from, read under the order's lock (the caller's transaction): each seller
     * order's position and the customer credit the order holds.
     */
    @Transactional
    public Refundable refundable(String orderId, List<String> sellerOrderIds, String currency) {
        ledger.lockOrder(orderId);
        return new Refundable(ledger.positions(sellerOrderIds), ledger.customerCredit(orderId, currency));
    }

    /** {@link #refundable}'s answer. */
    public record Refundable(java.util.Map<String, SellerOrderPosition> positions, long customerCreditMinor) {
    }

    /**
     * A payout was requested: {@code amount} leaves the seller's available balance for payouts in transit. The
     * caller (payouts) holds {@link LedgerRepository#lockSeller} and has checked the balance in the same transaction.
     */
    @Transactional
    public Posted postPayoutRequested(String payoutId, String sellerId, Money amount) {
        return postOnce(PayoutPostings.requested(payoutId, sellerId, amount, clock.instant()));
    }

    /** A payout was rejected: its amount goes back to the seller's available balance. */
    @Transactional
    public Posted postPayoutRejected(String payoutId, String sellerId, Money amount) {
        return postOnce(PayoutPostings.rejected(payoutId, sellerId, amount, clock.instant()));
    }

    /** A payout was paid: its amount leaves payouts in transit for good. */
    @Transactional
    public Posted postPayoutPaid(String payoutId, Money amount) {
        return postOnce(PayoutPostings.paid(payoutId, amount, clock.instant()));
    }

    private Posted postOnce(LedgerTransaction transaction) {
        return ledger.findByKey(transaction.idempotencyKey()).map(first -> new Posted(first, true))
                .orElseGet(() -> store(transaction));
    }

    private Posted store(LedgerTransaction transaction) {
        if (!ledger.insert(transaction)) {
            // the order lock makes this unreachable for one order; a key reused across orders lands here
            return new Posted(ledger.findByKey(transaction.idempotencyKey()).orElseThrow(), true);
        }
        return new Posted(transaction, false);
    }
}
