package io.haat.catalog.product;

import io.haat.catalog.stock.StockLevels;
import io.haat.catalog.support.Links;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ETags;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product moderation: the queue (PENDING_REVIEW by default, longest waiting first), approve, reject, ban, unban. */
@RestController
@RequestMapping("/admin/products")
@PreAuthorize("hasRole('ADMIN')")
public class AdminProductController {

    private final ProductService products;
    private final ProductQueries queries;
    private final StockLevels stock;
    private final CurrentUser currentUser;

    public AdminProductController(ProductService products, ProductQueries queries, StockLevels stock,
                                  CurrentUser currentUser) {
        this.products = products;
        this.queries = queries;
        this.stock = stock;
        this.currentUser = currentUser;
    }

    @GetMapping
    public PageResponse<ProductSummary> queue(@RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        ProductStatus wanted = StoreProductController.parseStatus(status);
        return queries.withStatus(wanted == null ? ProductStatus.PENDING_REVIEW : wanted, Paging.of(page, size),
                ProductSort.OLDEST_CHANGE);
    }

    @PostMapping("/{id}/approve")
    public ResponseEntity<ProductResponse> approve(@PathVariable String id) {
        return respond(products.approve(actor(), id));
    }

    @PostMapping("/{id}/reject")
    public ResponseEntity<ProductResponse> reject(@PathVariable String id, @Valid @RequestBody ModerationRequest request) {
        return respond(products.reject(actor(), id, request.reason().strip()));
    }

    @PostMapping("/{id}/ban")
    public ResponseEntity<ProductResponse> ban(@PathVariable String id, @Valid @RequestBody ModerationRequest request) {
        return respond(products.ban(actor(), id, request.reason().strip()));
    }

    @PostMapping("/{id}/unban")
    public ResponseEntity<ProductResponse> unban(@PathVariable String id) {
        return respond(products.unban(actor(), id));
    }

    private ResponseEntity<ProductResponse> respond(Product product) {
        return ResponseEntity.ok().eTag(ETags.of(product.currentVersion())).body(ProductResponse.of(product,
                stock.of(product.storeId(), product.skus()), true, Links.current()));
    }

    private Actor actor() {
        return Actor.current(currentUser);
    }
}
