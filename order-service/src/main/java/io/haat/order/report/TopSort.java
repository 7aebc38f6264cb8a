package io.haat.order.report;

import io.haat.platform.web.InvalidRequestException;
import java.util.Locale;

/** How a top list is ranked: by sales (the default; a store's GMV), units or orders. */
public enum TopSort {
    SALES, UNITS, ORDERS;

    static TopSort parse(String value) {
        if (value == null || value.isBlank()) {
            return SALES;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("sort", "must be sales, units or orders");
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
