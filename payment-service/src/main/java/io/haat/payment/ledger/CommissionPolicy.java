package io.haat.payment.ledger;

import io.haat.events.orders.SellerOrderTotals;
import java.time.Instant;
import java.util.List;

/**
 * Which commission rates applied to an order's seller orders when it was placed: the seam between the payment
 * flow (which posts captures with {@link Ledger#postCapture}) and the commission rules learnt from seller-service
 * (package {@code io.haat.payment.commission}). An implementation never guesses: when it cannot know a rate it
 * throws, so the capture is retried rather than posted with a wrong commission.
 */
public interface CommissionPolicy {

    CommissionRates ratesAt(Instant placedAt, List<SellerOrderTotals> sellerOrders);
}
