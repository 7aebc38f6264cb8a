package io.haat.order.wishlist;

import io.haat.order.cart.CartResponse;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's wishlist (CUSTOMER, enforced by {@code RolePaths}); every call acts on the caller's own list. */
@RestController
@RequestMapping("/wishlist")
public class WishlistController {

    private final WishlistService wishlist;
    private final CurrentUser currentUser;

    public WishlistController(WishlistService wishlist, CurrentUser currentUser) {
        this.wishlist = wishlist;
        this.currentUser = currentUser;
    }

    @GetMapping
    public PageResponse<WishlistResponse> list(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return wishlist.list(currentUser.id(), Paging.of(page, size));
    }

    @PostMapping
    public WishlistResponse add(@Valid @RequestBody WishlistRequest request) {
        return wishlist.add(currentUser.id(), request.productId(), request.sku());
    }

    @DeleteMapping("/{productId}")
    public ResponseEntity<Void> remove(@PathVariable String productId) {
        wishlist.remove(currentUser.id(), productId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{productId}/move-to-cart")
    public CartResponse moveToCart(@PathVariable String productId,
                                   @Valid @RequestBody(required = false) MoveToCartRequest request) {
        return wishlist.moveToCart(currentUser.id(), productId, request == null ? null : request.sku(),
                request == null ? null : request.quantity());
    }
}
