package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.orders.RefundRequested;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.ledger.Ledger;
import io.haat.payment.ledger.SellerOrderPosition;
import io.haat.payment.order.OrderCopies;
import io.haat.payment.order.OrderCopy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code RefundRequested} (a received return, a dispute resolved for the customer), carried out once per request id.
 * With the order's copy and its captured payments locked, each seller order's part must be covered by what that seller
 * order received and kept in the ledger (less refunds of it in flight), and the whole by what the order's captured
 * payments can still give back. Then, per seller order and payment in attempt order, a refund of that seller order alone
 * is recorded ({@code <requestId>:<sellerOrderId>:<paymentId>}, reason RETURN / DISPUTE, {@code requestId} set) and
 * carried out after the commit like any refund: each ends in a {@code PaymentRefunded} naming the request. A request
 * that cannot be covered is recorded FAILED with the reason and refunds nothing (admins see it:
 * {@code GET /admin/payments/refund-requests?status=FAILED}); a request id seen before records nothing new, whatever
 * the event says.
 */
@Component
class RequestedRefunds {

    private static final Logger log = LoggerFactory.getLogger(RequestedRefunds.class);

    private final RefundRequestRepository requests;
    private final RefundRequests refunds;
    private final RefundRepository refundRecords;
    private final PaymentRepository payments;
    private final OrderCopies copies;
    private final Ledger ledger;
    private final Clock clock;

    RequestedRefunds(RefundRequestRepository requests, RefundRequests refunds, RefundRepository refundRecords,
                     PaymentRepository payments, OrderCopies copies, Ledger ledger, Clock clock) {
        this.requests = requests;
        this.refunds = refunds;
        this.refundRecords = refundRecords;
        this.payments = payments;
        this.copies = copies;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records the request and its refunds; returns the refund ids to carry out after the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> requested(RefundRequested event) {
        if (requests.find(event.requestId()).isPresent()) {
            return requests.refundIds(event.requestId());   // a repeat: carry out what is still open, record nothing
        }
        Optional<OrderCopy> copy = copies.lock(event.orderId()).filter(OrderCopy::known);
        if (copy.isEmpty()) {
            return failed(event, "the order is not known to payment-service");
        }
        String currency = event.amount().currency();
        if (!currency.equals(copy.get().total().currency())) {
            return failed(event, "the request is in " + currency + ", the order in " + copy.get().total().currency());
        }
        Set<String> ofOrder = copy.get().sellerOrders().stream().map(SellerOrderTotals::sellerOrderId)
                .collect(Collectors.toSet());
        List<String> strangers = event.sellerOrders().stream().map(SellerOrderRefund::sellerOrderId)
                .filter(id -> !ofOrder.contains(id)).toList();
        if (event.sellerOrders().isEmpty() || !strangers.isEmpty()) {
            return failed(event, "seller orders not part of the order: " + strangers);
        }
        Map<String, SellerOrderPosition> positions = ledger.refundable(event.orderId(),
                event.sellerOrders().stream().map(SellerOrderRefund::sellerOrderId).toList(), currency).positions();
        for (SellerOrderRefund part : event.sellerOrders()) {
            long held = positions.getOrDefault(part.sellerOrderId(), SellerOrderPosition.NONE).netCaptured()
                    - refundRecords.inFlightForSellerOrderMinor(part.sellerOrderId());
            if (part.amount().amountMinor() > held) {
                return failed(event, "seller order " + part.sellerOrderId() + " holds " + Math.max(0, held)
                        + " " + currency + " (captured, not refunded nor being refunded), less than the "
                        + part.amount().amountMinor() + " asked");
            }
        }
        Map<Payment, Long> givable = new LinkedHashMap<>();
        payments.ofOrder(event.orderId()).stream().filter(Payment::captured)
                .sorted(Comparator.comparingInt(Payment::attempt))
                .forEach(listed -> {
                    Payment payment = payments.lock(listed.id()).orElseThrow();
                    givable.put(payment, refunds.refundableMinor(payment));
                });
        long canGive = givable.values().stream().mapToLong(Long::longValue).sum();
        if (event.amount().amountMinor() > canGive) {
            return failed(event, "the order's captured payments can give back " + canGive + " " + currency
                    + " (captured, not refunded nor being refunded), less than the " + event.amount().amountMinor()
                    + " asked");
        }
        requests.insert(event, null, clock.instant());
        List<String> recorded = new ArrayList<>();
        for (SellerOrderRefund part : event.sellerOrders()) {
            long left = part.amount().amountMinor();
            for (Map.Entry<Payment, Long> payment : givable.entrySet()) {
                long amount = Math.min(left, payment.getValue());
                if (amount <= 0) {
                    continue;
                }
                String refundId = event.requestId() + ":" + part.sellerOrderId() + ":" + payment.getKey().id();
                refunds.record(refundId, payment.getKey(), new Money(amount, currency), event.reason(),
                        event.reason().name().toLowerCase(Locale.ROOT) + " " + event.requestId(),
                        part.sellerOrderId(), event.requestId());
                recorded.add(refundId);
                payment.setValue(payment.getValue() - amount);
                left -= amount;
            }
        }
        return recorded;
    }

    private List<String> failed(RefundRequested event, String why) {
        log.warn("Refund request {} of order {} cannot be carried out: {}", event.requestId(), event.orderId(), why);
        requests.insert(event, why, clock.instant());
        return List.of();
    }
}
