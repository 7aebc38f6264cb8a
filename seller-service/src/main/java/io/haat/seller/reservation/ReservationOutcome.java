package io.haat.seller.reservation;

import io.haat.events.inventory.StockLine;
import java.time.Instant;
import java.util.List;

/** What became of an order's request for stock. */
public sealed interface ReservationOutcome {

    /** Every line is held until {@code expiresAt}. */
    record Reserved(List<StockLine> lines, Instant expiresAt) implements ReservationOutcome {
    }

    /** Nothing is held; {@code unmet} are the lines that could not be met. */
    record Rejected(List<StockLine> unmet) implements ReservationOutcome {
    }

    /** The order was already handled (redelivered or duplicated event): nothing changed. */
    record Duplicate() implements ReservationOutcome {
    }
}
