package io.haat.seller.inventory;

import java.time.Instant;
import java.util.UUID;

/** A low-stock alert: raised when available stock fell to the threshold, resolved when it rose above it. */
public record LowStockAlertResponse(UUID id, String sku, int available, int threshold, Instant raisedAt,
                                    Instant resolvedAt, boolean open) {
}
