package io.haat.order.cart;

import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart of a customer (bearer token, role CUSTOMER) or of a guest (no bearer token; the {@code X-Cart-Token}
 * their first add returned). A customer who sends a guest token too gets that cart merged into theirs. Other roles
 * are refused by {@link CartAccess} before the body is read.
 */
@RestController
@RequestMapping("/cart")
public class CartController {

    private final CartService carts;
    private final CurrentUser currentUser;

    public CartController(CartService carts, CurrentUser currentUser) {
        this.carts = carts;
        this.currentUser = currentUser;
    }

    @GetMapping
    public CartResponse cart(@RequestHeader(name = CartToken.HEADER, required = false) String token) {
        return carts.view(caller(token));
    }

    /** Adds units; a guest's first add answers the new cart's token in {@code X-Cart-Token}. */
    @PostMapping("/items")
    public ResponseEntity<CartResponse> add(@RequestHeader(name = CartToken.HEADER, required = false) String token,
                                            @Valid @RequestBody CartItemRequest request) {
        CartService.Result result = carts.add(caller(token), request.productId(), request.sku(), request.quantity());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (result.issuedToken() != null) {
            answer.header(CartToken.HEADER, result.issuedToken().value());
        }
        return answer.body(result.cart());
    }

    @PatchMapping("/items/{lineId}")
    public CartResponse changeQuantity(@RequestHeader(name = CartToken.HEADER, required = false) String token,
                                       @PathVariable UUID lineId, @Valid @RequestBody QuantityRequest request) {
        return carts.changeQuantity(caller(token), lineId, request.quantity());
    }

    @DeleteMapping("/items/{lineId}")
    public CartResponse remove(@RequestHeader(name = CartToken.HEADER, required = false) String token,
                               @PathVariable UUID lineId) {
        return carts.remove(caller(token), lineId);
    }

    @DeleteMapping
    public ResponseEntity<Void> clear(@RequestHeader(name = CartToken.HEADER, required = false) String token) {
        carts.clear(caller(token));
        return ResponseEntity.noContent().build();
    }

    private CartCaller caller(String token) {
        CartToken cartToken = token == null ? null : CartToken.parse(token);
        return new CartCaller(currentUser.isAuthenticated() ? currentUser.id() : null, cartToken);
    }
}
