package io.haat.order.coupon;

import io.haat.order.cart.CartResponse;
import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupon codes on the caller's cart. Not a public path: a guest (no token) gets 401, because a coupon's uses are
 * counted per customer; a signed-in caller who is not a CUSTOMER gets 403 from {@code cart.CartAccess}.
 */
@RestController
@RequestMapping("/cart/coupon")
public class CartCouponController {

    private final CartCoupons cartCoupons;
    private final CurrentUser currentUser;

    public CartCouponController(CartCoupons cartCoupons, CurrentUser currentUser) {
        this.cartCoupons = cartCoupons;
        this.currentUser = currentUser;
    }

    @PostMapping
    public CartResponse apply(@Valid @RequestBody CouponCodeRequest request) {
        return cartCoupons.apply(currentUser.id(), request.code());
    }

    @DeleteMapping
    public CartResponse remove(@RequestParam(required = false) String code) {
        return cartCoupons.remove(currentUser.id(), code);
    }
}
