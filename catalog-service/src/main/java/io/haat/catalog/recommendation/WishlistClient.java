package io.haat.catalog.recommendation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * order-service's wishlist of the caller (the platform's Feign defaults relay the caller's token; circuit breaker).
 * Recommendations treat it as optional: when order-service does not answer, they go without it.
 */
@FeignClient(name = "order-service")
public interface WishlistClient {

    @GetMapping("/wishlist")
    WishlistPage wishlist(@RequestParam("size") int size);

    /** The part of order-service's page of wishlist entries recommendations use. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WishlistPage(List<Entry> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String productId) {
    }
}
