package io.haat.seller;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.seller.limits.*}: bounds on what one account can make the service store, so a seller (or a stolen
 * seller token) cannot grow the tables without end. Reaching one is a 409 problem naming the limit.
 *
 * @param storesPerSeller        stores a seller may have open (closed stores do not count)
 * @param inventoryItemsPerStore stock rows (SKUs) one store may have
 */
@ConfigurationProperties("haat.seller.limits")
public record SellerLimits(@DefaultValue("10") int storesPerSeller,
                           @DefaultValue("5000") int inventoryItemsPerStore) {
}
