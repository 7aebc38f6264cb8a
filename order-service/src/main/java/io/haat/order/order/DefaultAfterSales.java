package io.haat.order.order;

import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * After-sales until returns and disputes exist: one window for every store ({@code haat.order.returns.window},
 * default 7 days) and nothing that holds a completion.
 */
@Component
public class DefaultAfterSales implements AfterSales {

    private final Duration window;

    public DefaultAfterSales(@Value("${haat.order.returns.window:P7D}") Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("haat.order.returns.window must not be negative");
        }
        this.window = window;
    }

    @Override
    public Duration returnWindow(String storeId) {
        return window;
    }

    @Override
    public boolean holdsCompletion(UUID sellerOrderId) {
        return false;
    }
}
