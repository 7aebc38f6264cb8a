package io.haat.notification.assistant;

import io.haat.events.Money;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** catalog-service's product search ({@code GET /search}, API.md), prices in minor units. */
@FeignClient(name = "catalog-service", contextId = "assistantCatalog")
interface CatalogSearchClient {

    @GetMapping("/search")
    SearchPage search(@RequestParam("q") String q,
                      @RequestParam(value = "minPrice", required = false) Long minPrice,
                      @RequestParam(value = "maxPrice", required = false) Long maxPrice,
                      @RequestParam(value = "inStock", required = false) Boolean inStock,
                      @RequestParam("size") int size);

    record SearchPage(List<Product> items, long totalItems) {
    }

    /** A result card; the price as {@code price: {amountMinor, currency}} or {@code priceMinor} + {@code currency}. */
    record Product(String productId, String name, Money price, Long priceMinor, String currency, Boolean inStock) {

        Money amount() {
            if (price != null) {
                return price;
            }
            return priceMinor == null ? null : new Money(priceMinor, currency == null ? "NPR" : currency);
        }
    }
}
