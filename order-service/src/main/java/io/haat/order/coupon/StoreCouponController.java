package io.haat.order.coupon;

import io.haat.order.store.StoreOwnership;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A seller's coupons of one of their stores (role SELLER by path; another seller's store is a 404). */
@RestController
@RequestMapping("/stores/{storeId}/coupons")
public class StoreCouponController {

    private final CouponService coupons;
    private final StoreOwnership ownership;

    public StoreCouponController(CouponService coupons, StoreOwnership ownership) {
        this.coupons = coupons;
        this.ownership = ownership;
    }

    /** Creates (201) or replaces (200) the store's coupon with this code. */
    @PutMapping("/{code}")
    public ResponseEntity<CouponResponse> put(@PathVariable String storeId, @PathVariable String code,
                                              @Valid @RequestBody CouponRequest request) {
        ownership.requireOwned(storeId);
        CouponService.Saved saved = coupons.put(storeId, code, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.coupon());
    }

    @GetMapping
    public PageResponse<CouponResponse> list(@PathVariable String storeId, @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        ownership.requireOwned(storeId);
        return coupons.list(storeId, paging);
    }

    @GetMapping("/{code}")
    public CouponResponse get(@PathVariable String storeId, @PathVariable String code) {
        ownership.requireOwned(storeId);
        return coupons.get(storeId, code);
    }

    /** Disables the coupon (204, also when it was disabled already). */
    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void disable(@PathVariable String storeId, @PathVariable String code) {
        ownership.requireOwned(storeId);
        coupons.disable(storeId, code);
    }
}
