package io.haat.catalog.product;

import io.haat.catalog.stock.StockLevels;
import io.haat.catalog.support.Links;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ETags;
import io.haat.platform.web.Versions;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** One product: its public detail page, and the owner's edit, submit, archive and delete. */
@RestController
public class ProductController {

    private final ProductService products;
    private final StockLevels stock;
    private final CurrentUser currentUser;

    public ProductController(ProductService products, StockLevels stock, CurrentUser currentUser) {
        this.products = products;
        this.stock = stock;
        this.currentUser = currentUser;
    }

    /** Public for ACTIVE products of visible stores; the owner and admins see it in any status. */
    @GetMapping("/products/{id}")
    public ResponseEntity<ProductResponse> get(@PathVariable String id) {
        boolean signedIn = currentUser.isAuthenticated();
        Product product = products.view(id, signedIn ? currentUser.subject() : null,
                signedIn && currentUser.hasRole("ADMIN"));
        boolean privileged = signedIn && (currentUser.hasRole("ADMIN") || product.isOwnedBy(currentUser.subject()));
        return respond(product, privileged);
    }

    @PutMapping("/products/{id}")
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<ProductResponse> edit(@PathVariable String id, @Valid @RequestBody ProductRequest request,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(products.edit(actor(), id, request, Versions.expected(ifMatch, request.version())), true);
    }

    @PostMapping("/products/{id}/submit")
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<ProductResponse> submit(@PathVariable String id) {
        return respond(products.submit(actor(), id), true);
    }

    @PostMapping("/products/{id}/archive")
    @PreAuthorize("hasRole('SELLER') or hasRole('ADMIN')")
    public ResponseEntity<ProductResponse> archive(@PathVariable String id) {
        return respond(products.archive(actor(), id), true);
    }

    @DeleteMapping("/products/{id}")
    @PreAuthorize("hasRole('SELLER')")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        products.delete(actor(), id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ProductResponse> respond(Product product, boolean privileged) {
        var levels = stock.of(product.storeId(), product.skus());
        return ResponseEntity.ok().eTag(ETags.of(product.currentVersion()))
                .body(ProductResponse.of(product, levels, privileged, Links.current()));
    }

    private Actor actor() {
        return Actor.current(currentUser);
    }
}
