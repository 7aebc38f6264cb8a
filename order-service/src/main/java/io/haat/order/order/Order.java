package io.haat.order.order;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.CashSplit;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PayableOrder;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.Discounts;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A customer's order: one {@link SellerOrder} per store, the address and payment choice snapshotted at checkout,
 * what is known of its payments (one {@link PaymentFact} per payment id) and its timeline. It alone decides its
 * status (DESIGN's order saga); every transition adds a timeline entry and returns its events.
 *
 * <pre>
 * from \ on         reserve          reject      expireReservation  payment covers total   passDeadline (≥ deadline)  cancelByCustomer
 * PENDING           AWAITING_PAYMENT CANCELLED   CANCELLED          recorded (no change)  CANCELLED                  CANCELLED
 *                   (CONFIRMED when the total is zero or already covered)
 * AWAITING_PAYMENT  unchanged        illegal     CANCELLED          CONFIRMED             CANCELLED                  CANCELLED
 * CONFIRMED         unchanged        illegal     unchanged          recorded (no change)  illegal                    CANCELLED before shipment, else illegal
 * CANCELLED         unchanged        unchanged   unchanged          recorded (no change)  unchanged                  unchanged
 * </pre>
 *
 * A payment fact the order already holds (same payment, nothing newer) and a refund it already counted are
 * {@link Transition#unchanged}. A failed payment keeps the order AWAITING_PAYMENT: the customer may pay again until
 * the deadline. A payment recorded on a confirmed or cancelled order changes its status never again (payment-service
 * refunds a capture that lands on a cancelled order). Cancelling from PENDING or AWAITING_PAYMENT is "before payment"
 * (coupon uses are given back); {@code refundDue} tells payment-service the order knew of captured money.
 *
 * <p>Each store's part ({@link SellerOrder}) then moves on its own (DESIGN's SellerOrder state machine), every move a
 * timeline entry naming the part and one {@link SellerOrderStatusChanged} (with the customer, the seller and a note):
 *
 * <pre>
 * part \ on         process     ship        outForDelivery  deliver     cancelSellerOrder  returnUndelivered  complete (window over)
 * PENDING           illegal     illegal     illegal         illegal     illegal            illegal            illegal
 * CONFIRMED         PROCESSING  SHIPPED     illegal         illegal     CANCELLED          illegal            illegal
 * PROCESSING        unchanged   SHIPPED     illegal         illegal     CANCELLED          illegal            illegal
 * SHIPPED           illegal     unchanged   OUT_FOR_DEL.    DELIVERED   illegal            CANCELLED          illegal
 * OUT_FOR_DELIVERY  illegal     illegal     unchanged       DELIVERED   illegal            CANCELLED          illegal
 * DELIVERED         illegal     illegal     illegal         unchanged   illegal            illegal            COMPLETED
 * RETURN_REJECTED   illegal     illegal     illegal         illegal     illegal            illegal            COMPLETED
 * COMPLETED         illegal     illegal     illegal         illegal     illegal            illegal            unchanged
 * CANCELLED         illegal     illegal     illegal         illegal     unchanged          unchanged          illegal
 * (other return states: illegal for all of these)
 * </pre>
 *
 * Cancelling the last part still alive (every other one CANCELLED) cancels the whole order (SELLER_CANCELLED) with
 * {@link OrderCancelled} instead of a per-store event ({@code dropPart}). Illegal part moves are 409
 * {@code illegal-seller-order-transition} carrying the part's status.
 *
 * @param paymentDeadline until when the order takes payments: provisional ({@code placedAt + window}) while PENDING,
 *                        fixed when the stock is reserved, always before the reservation's expiry
 */
public record Order(UUID id, UUID customerId, OrderStatus status, Money total, List<SellerOrder> sellerOrders,
                    DeliveryAddress address, PaymentChoice payment, List<Discounts.AppliedCoupon> coupons,
                    List<PaymentFact> payments, List<TimelineEntry> timeline, Instant paymentDeadline,
                    Instant reservationExpiresAt, Cancellation cancellation, long version, Instant placedAt) {

    private static final String AGGREGATE = "order";
    private static final String SELLER_ORDER = "seller-order";

    public Order {
        sellerOrders = List.copyOf(sellerOrders);
        coupons = List.copyOf(coupons);
        payments = List.copyOf(payments);
        timeline = List.copyOf(timeline);
        Money sum = sellerOrders.stream().map(SellerOrder::total).reduce(Money::plus)
                .orElseThrow(() -> new IllegalArgumentException("an order has at least one seller order"));
        if (!sum.equals(total)) {
            throw new IllegalArgumentException("seller orders add up to " + sum + ", not " + total);
        }
    }

    /** A new order, PENDING until seller-service reserved its stock; raises {@link OrderPlaced}. */
    public static Transition<Order> place(UUID id, UUID customerId, List<SellerOrder> sellerOrders,
                                          DeliveryAddress address, PaymentChoice payment,
                                          List<Discounts.AppliedCoupon> coupons, Duration paymentWindow,
                                          Instant at) {
        Money total = sellerOrders.stream().map(SellerOrder::total).reduce(Money::plus).orElseThrow();
        Order order = new Order(id, customerId, OrderStatus.PENDING, total, sellerOrders, address, payment, coupons,
                List.of(), List.of(new TimelineEntry("PLACED", OrderStatus.PENDING.name(), at, null)),
                at.plus(paymentWindow), null, null, 1, at);
        List<OrderLine> lines = new ArrayList<>();
        for (SellerOrder part : sellerOrders) {
            for (OrderItem item : part.items()) {
                lines.add(new OrderLine(part.id().toString(), part.storeId(), item.productId(), item.sku(),
                        item.quantity(), item.unitPrice()));
            }
        }
        return Transition.to(order, new OrderPlaced(id.toString(), customerId.toString(), total, lines,
                order.totals()));
    }

    /**
     * seller-service reserved every line until {@code expiresAt}: the order waits for its money until
     * {@code now + window}, but at the latest {@code margin} before the reservation expires (so a paid order always
     * still has its stock). Nothing to pay, or already paid: confirmed at once.
     */
    public Transition<Order> reserve(Instant expiresAt, Instant now, Duration window, Duration margin) {
        if (status != OrderStatus.PENDING) {
            return Transition.unchanged(this);
        }
        Instant deadline = now.plus(window);
        Instant latest = expiresAt.minus(margin);
        if (deadline.isAfter(latest)) {
            deadline = latest;
        }
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        if (covered(payments)) {
            entries.add(new TimelineEntry("STOCK_RESERVED", OrderStatus.PENDING.name(), now, null));
            return confirm(payments, entries, deadline, expiresAt, now, total.amountMinor() == 0
                    ? "nothing to pay" : "already paid");
        }
        entries.add(new TimelineEntry("STOCK_RESERVED", OrderStatus.AWAITING_PAYMENT.name(), now,
                "pay before " + deadline));
        Order next = new Order(id, customerId, OrderStatus.AWAITING_PAYMENT, total, sellerOrders, address, payment,
                coupons, payments, entries, deadline, expiresAt, null, version + 1, placedAt);
        return Transition.to(next, new OrderAwaitingPayment(id.toString(), customerId.toString(), total, totals(),
                payment, deadline));
    }

    /** seller-service could not reserve {@code unmet} (nothing is held): cancelled, naming the lines. */
    public Transition<Order> reject(List<StockLine> unmet, Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return Transition.unchanged(this);
        }
        require(status == OrderStatus.PENDING, "rejected by stock");
        String named = unmet == null || unmet.isEmpty() ? "some lines" : unmet.stream()
                .map(line -> line.sku() + " ×" + line.quantity()).collect(Collectors.joining(", "));
        return cancel(CancellationReason.STOCK_REJECTED, "Not enough stock for " + named + ".", unmet, now);
    }

    /** seller-service released the stock before the order was paid. A confirmed order keeps its status. */
    public Transition<Order> expireReservation(Instant now) {
        if (status == OrderStatus.CANCELLED || status == OrderStatus.CONFIRMED) {
            return Transition.unchanged(this);
        }
        return cancel(CancellationReason.RESERVATION_EXPIRED, "The stock reservation expired before payment.",
                null, now);
    }

    /** Not paid by its deadline (nor, while PENDING, reserved by its provisional one): cancelled. */
    public Transition<Order> passDeadline(Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return Transition.unchanged(this);
        }
        require(status == OrderStatus.PENDING || status == OrderStatus.AWAITING_PAYMENT, "cancelled for its deadline");
        require(!now.isBefore(paymentDeadline), "cancelled before its payment deadline " + paymentDeadline);
        return cancel(CancellationReason.PAYMENT_DEADLINE_PASSED, "Not paid before " + paymentDeadline + ".", null,
                now);
    }

    /** The customer cancels before any of its parcels was shipped. */
    public Transition<Order> cancelByCustomer(Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return Transition.unchanged(this);
        }
        require(sellerOrders.stream().allMatch(part -> part.status().beforeShipment()
                || part.status() == SellerOrderState.CANCELLED), "cancelled after shipment");
        return cancel(CancellationReason.CUSTOMER_CANCELLED, "Cancelled by the customer.", null, now);
    }

    // ---- fulfilment: one store's part (seller order) moves; see the table in the class comment ----

    /** The store starts preparing its part: CONFIRMED → PROCESSING. */
    public Transition<Order> process(UUID sellerOrderId, Instant at) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.PROCESSING) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.CONFIRMED, "processed");
        return movePart(part.with(SellerOrderState.PROCESSING, part.confirmedAt()), "PROCESSING", null, at);
    }

    /**
     * The parcel leaves the store (CONFIRMED or PROCESSING → SHIPPED), with the store's own carrier or for the
     * marketplace's delivery agents ({@link SellerOrder.Shipment#ownCarrier()}).
     */
    public Transition<Order> ship(UUID sellerOrderId, SellerOrder.Shipment shipment, Instant at) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.SHIPPED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.CONFIRMED
                || part.status() == SellerOrderState.PROCESSING, "shipped");
        String note = shipment.ownCarrier()
                ? "with " + shipment.carrier() + (shipment.trackingNumber() == null ? ""
                : ", tracking number " + shipment.trackingNumber())
                : "handed to the marketplace's delivery";
        note += "; expected " + part.shippingMethod().countedFrom(placedAt, at);
        return movePart(part.shipped(shipment), "SHIPPED", note, at);
    }

    /** The parcel is on its last leg: SHIPPED → OUT_FOR_DELIVERY. */
    public Transition<Order> outForDelivery(UUID sellerOrderId, Instant at) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.OUT_FOR_DELIVERY) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.SHIPPED, "out for delivery");
        return movePart(part.with(SellerOrderState.OUT_FOR_DELIVERY, part.confirmedAt()), "OUT_FOR_DELIVERY",
                "expected " + SellerOrder.Estimate.on(at), at);
    }

    /**
     * The customer has the parcel (SHIPPED or OUT_FOR_DELIVERY → DELIVERED): {@code deliveredAt} is recorded and the
     * return window, the store's {@code returnWindow} as it is now, runs from it.
     */
    public Transition<Order> deliver(UUID sellerOrderId, Duration returnWindow, Instant at) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.DELIVERED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.SHIPPED
                || part.status() == SellerOrderState.OUT_FOR_DELIVERY, "delivered");
        Instant windowEnds = at.plus(returnWindow);
        return movePart(part.delivered(at, windowEnds), "DELIVERED", "returns possible until " + windowEnds, at);
    }

    /** The store cancels its part before shipment (CONFIRMED or PROCESSING → CANCELLED); see {@link #dropPart}. */
    public Transition<Order> cancelSellerOrder(UUID sellerOrderId, String reason, Instant at) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.CANCELLED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.CONFIRMED
                || part.status() == SellerOrderState.PROCESSING, "cancelled after shipment");
        return dropPart(part, "Cancelled by the store: " + reason, at);
    }

    /**
     * A parcel that could not be delivered went back to the store (SHIPPED or OUT_FOR_DELIVERY → CANCELLED): like a
     * store's cancellation, its stock is restocked and its share refunded; see {@link #dropPart}.
     */
    public Transition<Order> returnUndelivered(UUID sellerOrderId, String reason, Instant at) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.CANCELLED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.SHIPPED
                || part.status() == SellerOrderState.OUT_FOR_DELIVERY, "returned undelivered");
        return dropPart(part, "Not delivered, returned to the store: " + reason, at);
    }

    /**
     * The return window is over and nothing holds the part (the caller asked {@link AfterSales#holdsCompletion}):
     * DELIVERED, or RETURN_REJECTED, → COMPLETED; payment-service makes the store's earnings available.
     */
    public Transition<Order> complete(UUID sellerOrderId, Instant now) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.COMPLETED) {
            return Transition.unchanged(this);
        }
        // a part whose return was refunded completes too: the seller is owed the rest of it
        requirePart(part, part.status() == SellerOrderState.DELIVERED
                || part.status() == SellerOrderState.RETURN_REJECTED || part.status() == SellerOrderState.REFUNDED,
                "completed");
        requirePart(part, part.returnWindowEndsAt() != null && !now.isBefore(part.returnWindowEndsAt()),
                "completed before its return window ends at " + part.returnWindowEndsAt());
        return movePart(part.with(SellerOrderState.COMPLETED, part.confirmedAt()), "COMPLETED", null, now);
    }

    /** One of its seller orders; an id that is not one of them is a programming error. */
    public SellerOrder sellerOrder(UUID sellerOrderId) {
        return sellerOrders.stream().filter(part -> part.id().equals(sellerOrderId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("order " + id + " has no seller order "
                        + sellerOrderId));
    }

    /**
     * The cash a delivery agent collects for one part: its share of {@link PaymentChoice#cashOnDelivery()} by the
     * contract's {@link CashSplit} (the online part pays the parts in order, the cash covers what it leaves; all of a
     * part's total when the whole order is paid in cash) — the rule payment-service captures by.
     */
    public Money cashDue(UUID sellerOrderId) {
        sellerOrder(sellerOrderId);
        return new Money(CashSplit.dueOf(totals(), payment.cashOnDelivery()).getOrDefault(sellerOrderId.toString(), 0L),
                total.currency());
    }

    /**
     * Replaces one part by {@code changed}, adds a timeline entry naming it and raises its
     * {@link SellerOrderStatusChanged} (amount: the part's total; note: {@code note}). The order's status stays.
     */
    private Transition<Order> movePart(SellerOrder changed, String event, String note, Instant at) {
        List<SellerOrder> parts = sellerOrders.stream().map(p -> p.id().equals(changed.id()) ? changed : p).toList();
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(new TimelineEntry(event, status.name(), at, note, changed.id()));
        return Transition.to(new Order(id, customerId, status, total, parts, address, payment, coupons, payments,
                entries, paymentDeadline, reservationExpiresAt, cancellation, version + 1, placedAt),
                statusChanged(changed, at, note));
    }

    /**
     * One store's part leaves the order (its stock restocked, its share refunded). While another part still lives,
     * that is one {@link SellerOrderStatusChanged} CANCELLED (the contract's step 6). When it was the last live part,
     * the whole order is cancelled (SELLER_CANCELLED) and only {@link OrderCancelled} is raised: it asks seller-service
     * to release what the order still holds (this part; the parts cancelled before were released already) and
     * payment-service to refund what is still captured and void an open cash-on-delivery payment — a per-store event
     * on top would ask for this part's restock and refund twice.
     */
    private Transition<Order> dropPart(SellerOrder part, String detail, Instant at) {
        boolean last = sellerOrders.stream()
                .allMatch(p -> p.id().equals(part.id()) || p.status() == SellerOrderState.CANCELLED);
        if (last) {
            return cancel(CancellationReason.SELLER_CANCELLED, detail, null, at);
        }
        return movePart(part.with(SellerOrderState.CANCELLED, part.confirmedAt()), "CANCELLED", detail, at);
    }

    private SellerOrderStatusChanged statusChanged(SellerOrder part, Instant at, String note) {
        return new SellerOrderStatusChanged(part.id().toString(), id.toString(), part.storeId(),
                part.status().toContract(), part.total(), at, customerId.toString(), part.sellerId(), note);
    }

    private static void requirePart(SellerOrder part, boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(SELLER_ORDER, part.status(), action);
        }
    }

    /**
     * Records what payment-service says of one payment (captured, cash on delivery accepted, failed). Confirms an
     * order awaiting payment once captured + accepted covers the total; on any other status only the fact and a
     * timeline entry are added.
     */
    public Transition<Order> recordPayment(PaymentFact fact, Instant now) {
        Optional<PaymentFact> known = payment(fact.paymentId());
        if (known.isPresent() && !known.get().replacedBy(fact)) {
            return Transition.unchanged(this);
        }
        List<PaymentFact> nextPayments = new ArrayList<>(payments);
        known.ifPresent(nextPayments::remove);
        nextPayments.add(fact);
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        String event = switch (fact.state()) {
            case CAPTURED -> "PAYMENT_CAPTURED";
            case COD_ACCEPTED -> "CASH_ON_DELIVERY_ACCEPTED";
            case FAILED -> "PAYMENT_FAILED";
        };
        String detail = fact.provider() + " attempt " + fact.attempt() + ": " + fact.amount().amountMinor() + " "
                + fact.amount().currency();
        if (status == OrderStatus.CANCELLED && fact.state() == PaymentFact.State.CAPTURED) {
            detail += " after the order was cancelled; it is refunded";
        }
        entries.add(new TimelineEntry(event, status.name(), now, detail));
        if (status == OrderStatus.AWAITING_PAYMENT && covered(nextPayments)) {
            return confirm(nextPayments, entries, paymentDeadline, reservationExpiresAt, now, "paid");
        }
        return Transition.to(new Order(id, customerId, status, total, sellerOrders, address, payment, coupons,
                nextPayments, entries, paymentDeadline, reservationExpiresAt, cancellation, version + 1, placedAt));
    }

    /** Records a refund of one of its payments, once per refund id. */
    public Transition<Order> recordRefund(String refundId, String paymentId, Money amount, RefundReason reason,
                                          Instant now) {
        if (payments.stream().anyMatch(p -> p.refundIds().contains(refundId))) {
            return Transition.unchanged(this);
        }
        // payment events of one payment arrive in order, so its capture is known; if not, the refund still goes on
        // the timeline
        List<PaymentFact> nextPayments = new ArrayList<>(payments);
        payment(paymentId).ifPresent(fact -> nextPayments.set(nextPayments.indexOf(fact),
                fact.withRefund(refundId, amount)));
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(new TimelineEntry("PAYMENT_REFUNDED", status.name(), now,
                amount.amountMinor() + " " + amount.currency() + " (" + reason + ")"));
        return Transition.to(new Order(id, customerId, status, total, sellerOrders, address, payment, coupons,
                nextPayments, entries, paymentDeadline, reservationExpiresAt, cancellation, version + 1, placedAt));
    }

    /*
     * The return path of one seller order (issue 12, DESIGN: RETURN_REQUESTED → RETURN_APPROVED | RETURN_REJECTED →
     * RETURNED → REFUNDED), driven by io.haat.order.returns. The return request itself decides what may happen; the
     * seller order follows it. A later return of other units starts again from RETURN_REJECTED or REFUNDED.
     *
     * seller order \ on   requestReturn     approveReturn     rejectReturn      receiveReturn   refundReturn
     * DELIVERED           RETURN_REQUESTED  illegal           illegal           illegal         illegal
     * RETURN_REQUESTED    unchanged         RETURN_APPROVED   RETURN_REJECTED   illegal         illegal
     * RETURN_APPROVED     illegal           unchanged         illegal           RETURNED        illegal
     * RETURN_REJECTED     RETURN_REQUESTED  illegal           unchanged         illegal         illegal
     * RETURNED            illegal           illegal           illegal           unchanged       REFUNDED
     * REFUNDED            RETURN_REQUESTED  illegal           illegal           illegal         unchanged
     * any other           illegal           illegal           illegal           illegal         illegal
     */

    /** A return of (some of) a delivered seller order's units was requested. */
    public Transition<Order> requestReturn(UUID sellerOrderId, String note, Instant now) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.RETURN_REQUESTED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.DELIVERED || part.status() == SellerOrderState.RETURN_REJECTED
                || part.status() == SellerOrderState.REFUNDED, "asked for a return");
        return moveReturn(part, SellerOrderState.RETURN_REQUESTED, part.total(), note, now);
    }

    /** The store (or the approval deadline) accepted the requested return. */
    public Transition<Order> approveReturn(UUID sellerOrderId, Instant now) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.RETURN_APPROVED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.RETURN_REQUESTED, "approved for return");
        return moveReturn(part, SellerOrderState.RETURN_APPROVED, part.total(), null, now);
    }

    /** The store refused the requested return ({@code reason} goes to both sides). */
    public Transition<Order> rejectReturn(UUID sellerOrderId, String reason, Instant now) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.RETURN_REJECTED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.RETURN_REQUESTED, "refused a return");
        return moveReturn(part, SellerOrderState.RETURN_REJECTED, part.total(), reason, now);
    }

    /** The store received the returned units back; {@code refund} is what the customer gets for them. */
    public Transition<Order> receiveReturn(UUID sellerOrderId, Money refund, Instant now) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.RETURNED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.RETURN_APPROVED, "marked returned");
        return moveReturn(part, SellerOrderState.RETURNED, refund, null, now);
    }

    /** payment-service gave the return's {@code refund} back. */
    public Transition<Order> refundReturn(UUID sellerOrderId, Money refund, Instant now) {
        SellerOrder part = sellerOrder(sellerOrderId);
        if (part.status() == SellerOrderState.REFUNDED) {
            return Transition.unchanged(this);
        }
        requirePart(part, part.status() == SellerOrderState.RETURNED, "refunded for a return");
        return moveReturn(part, SellerOrderState.REFUNDED, refund, null, now);
    }

    /**
     * What the seller order received of the captures so far (before refunds): payment-service allocates captured money
     * by a fixed waterfall over the seller orders in checkout order, each up to its total.
     */
    public Money capturedShare(UUID sellerOrderId) {
        long captured = payments.stream().filter(p -> p.state() == PaymentFact.State.CAPTURED)
                .mapToLong(p -> p.amount().amountMinor()).sum();
        for (SellerOrder part : sellerOrders) {
            long share = Math.min(captured, part.total().amountMinor());
            captured -= share;
            if (part.id().equals(sellerOrderId)) {
                return new Money(share, total.currency());
            }
        }
        throw new IllegalArgumentException("order " + id + " has no seller order " + sellerOrderId);
    }

    // as movePart, but RETURNED and REFUNDED name the amount given back rather than the part's total
    private Transition<Order> moveReturn(SellerOrder part, SellerOrderState next, Money amount, String note,
                                         Instant now) {
        SellerOrder changed = part.with(next, part.confirmedAt());
        List<SellerOrder> parts = sellerOrders.stream().map(p -> p.id().equals(changed.id()) ? changed : p).toList();
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(new TimelineEntry(next.name(), status.name(), now, note, changed.id()));
        Order after = new Order(id, customerId, status, total, parts, address, payment, coupons, payments, entries,
                paymentDeadline, reservationExpiresAt, cancellation, version + 1, placedAt);
        return Transition.to(after, new SellerOrderStatusChanged(changed.id().toString(), id.toString(),
                changed.storeId(), next.toContract(), amount, now, customerId.toString(), changed.sellerId(), note));
    }

    public Optional<PaymentFact> payment(String paymentId) {
        return payments.stream().filter(p -> p.paymentId().equals(paymentId)).findFirst();
    }

    /** Captured + accepted cash on delivery, one fact per payment. */
    public Money covered() {
        return payments.stream().map(p -> p.covering(total.currency())).reduce(Money.zero(total.currency()),
                Money::plus);
    }

    /** Captured and not refunded. */
    public Money capturedHeld() {
        return payments.stream().map(p -> p.heldCapture(total.currency())).reduce(Money.zero(total.currency()),
                Money::plus);
    }

    public Money refunded() {
        return payments.stream().map(PaymentFact::refunded).reduce(Money.zero(total.currency()), Money::plus);
    }

    /** Units held by seller-service for this order while it is unpaid (the customer's limit counts them). */
    public int units() {
        return sellerOrders.stream().mapToInt(SellerOrder::units).sum();
    }

    /** Whether this cancellation gives the coupon uses back: the order was never paid. */
    public boolean returnsCoupons() {
        return cancellation != null && cancellation.beforePayment();
    }

    public List<SellerOrderTotals> totals() {
        return sellerOrders.stream().map(SellerOrder::totals).toList();
    }

    /** The contract's answer to payment-service's look-up. */
    public PayableOrder payable() {
        return new PayableOrder(id.toString(), customerId.toString(), status, total, totals(), payment,
                paymentDeadline);
    }

    private boolean covered(List<PaymentFact> facts) {
        Money paid = facts.stream().map(p -> p.covering(total.currency())).reduce(Money.zero(total.currency()),
                Money::plus);
        return paid.amountMinor() >= total.amountMinor();
    }

    private Transition<Order> confirm(List<PaymentFact> facts, List<TimelineEntry> entries, Instant deadline,
                                      Instant expiresAt, Instant now, String why) {
        entries.add(new TimelineEntry("CONFIRMED", OrderStatus.CONFIRMED.name(), now, why));
        List<SellerOrder> parts = sellerOrders.stream().map(p -> p.with(SellerOrderState.CONFIRMED, now)).toList();
        List<DomainEvent> events = new ArrayList<>();
        events.add(new OrderConfirmed(id.toString(), customerId.toString(), total));
        for (SellerOrder part : parts) {
            events.add(statusChanged(part, now, null));
        }
        return Transition.to(new Order(id, customerId, OrderStatus.CONFIRMED, total, parts, address, payment,
                coupons, facts, entries, deadline, expiresAt, null, version + 1, placedAt), events);
    }

    /**
     * Cancelled for {@code reason}: every seller order too (one {@link OrderCancelled} tells seller-service to
     * release or restock and payment-service to refund; no per-store event, which would ask them twice).
     */
    private Transition<Order> cancel(CancellationReason reason, String detail, List<StockLine> rejected, Instant now) {
        boolean beforePayment = status != OrderStatus.CONFIRMED;
        boolean refundDue = capturedHeld().amountMinor() > 0;
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(new TimelineEntry("CANCELLED", OrderStatus.CANCELLED.name(), now, reason + ": " + detail));
        List<SellerOrder> parts = sellerOrders.stream()
                .map(p -> p.with(SellerOrderState.CANCELLED, p.confirmedAt())).toList();
        Order next = new Order(id, customerId, OrderStatus.CANCELLED, total, parts, address, payment, coupons,
                payments, entries, paymentDeadline, reservationExpiresAt,
                new Cancellation(reason, detail, rejected, beforePayment, now), version + 1, placedAt);
        return Transition.to(next, new OrderCancelled(id.toString(), customerId.toString(), detail, reason,
                refundDue));
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
