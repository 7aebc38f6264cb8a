package io.haat.catalog.product;

import io.haat.catalog.category.CategoryService;
import io.haat.catalog.stock.StockLevels;
import io.haat.catalog.store.StoreDirectory;
import io.haat.catalog.support.Links;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ETags;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Products of a store (created there by its owner) and of a category, as paged lists. */
@RestController
public class StoreProductController {

    private final ProductService products;
    private final ProductQueries queries;
    private final StoreDirectory stores;
    private final CategoryService categories;
    private final StockLevels stock;
    private final CurrentUser currentUser;

    public StoreProductController(ProductService products, ProductQueries queries, StoreDirectory stores,
                                  CategoryService categories, StockLevels stock, CurrentUser currentUser) {
        this.products = products;
        this.queries = queries;
        this.stores = stores;
        this.categories = categories;
        this.stock = stock;
        this.currentUser = currentUser;
    }

    @PostMapping("/stores/{storeId}/products")
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<ProductResponse> create(@PathVariable String storeId,
                                                  @Valid @RequestBody ProductRequest request) {
        Product product = products.create(Actor.current(currentUser), storeId, request);
        return ResponseEntity.created(URI.create("/products/" + product.id())).eTag(ETags.of(product.currentVersion()))
                .body(ProductResponse.of(product, stock.of(storeId, product.skus()), true, Links.current()));
    }

    /** The public list; the store's owner sees every product of theirs and may filter by {@code status}. */
    @GetMapping("/stores/{storeId}/products")
    public PageResponse<ProductSummary> ofStore(@PathVariable String storeId,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String sort,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        ProductSort order = ProductSort.parse(sort);
        if (currentUser.isAuthenticated() && stores.isOwnedLocally(storeId, currentUser.subject())) {
            return queries.ownerOfStore(storeId, parseStatus(status), paging, order);
        }
        return queries.publicOfStore(storeId, paging, order);
    }

    /** ACTIVE products of the category and its subcategories. */
    @GetMapping("/categories/{categoryId}/products")
    public PageResponse<ProductSummary> ofCategory(@PathVariable String categoryId,
                                                   @RequestParam(required = false) String sort,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        ProductSort order = ProductSort.parse(sort);
        return queries.publicInCategories(categories.subtreeOf(categoryId), paging, order);
    }

    static ProductStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProductStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of " + java.util.Arrays.toString(ProductStatus.values()));
        }
    }
}
