package io.haat.seller.reservation;

import io.haat.events.inventory.StockLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order's lines prepared for reservation: lines of the same store and SKU merged, sorted in lock
 * order; lines that cannot be understood (no store, no SKU, quantity not positive) set apart.
 */
record RequestedLines(List<ReservationLine> valid, List<StockLine> invalid) {

    static RequestedLines of(List<StockLine> requested) {
        Map<String, long[]> merged = new LinkedHashMap<>();
        Map<String, ReservationLine> keys = new LinkedHashMap<>();
        List<StockLine> invalid = new ArrayList<>();
        for (StockLine line : requested == null ? List.<StockLine>of() : requested) {
            UUID storeId = parse(line == null ? null : line.storeId());
            if (storeId == null || line.sku() == null || line.sku().isBlank() || line.quantity() <= 0) {
                if (line != null) {
                    invalid.add(line);
                }
                continue;
            }
            String key = storeId + "|" + line.sku();
            merged.computeIfAbsent(key, k -> new long[1])[0] += line.quantity();
            keys.putIfAbsent(key, new ReservationLine(storeId, line.sku(), 0, LineState.RESERVED));
        }
        List<ReservationLine> valid = new ArrayList<>();
        keys.forEach((key, line) -> {
            long quantity = merged.get(key)[0];
            if (quantity > Integer.MAX_VALUE) {
                invalid.add(new StockLine(line.storeId().toString(), line.sku(), Integer.MAX_VALUE));
            } else {
                valid.add(new ReservationLine(line.storeId(), line.sku(), (int) quantity, LineState.RESERVED));
            }
        });
        valid.sort(ReservationLine.LOCK_ORDER);
        return new RequestedLines(List.copyOf(valid), List.copyOf(invalid));
    }

    List<UUID> storeIds() {
        return valid.stream().map(ReservationLine::storeId).distinct().toList();
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
