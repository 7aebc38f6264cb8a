package io.haat.order.coupon;

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

/** Site-wide coupons, funded by the platform (role ADMIN by path). */
@RestController
@RequestMapping("/admin/coupons")
public class AdminCouponController {

    private final CouponService coupons;

    public AdminCouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    /** Creates (201) or replaces (200) the site-wide coupon with this code. */
    @PutMapping("/{code}")
    public ResponseEntity<CouponResponse> put(@PathVariable String code, @Valid @RequestBody CouponRequest request) {
        CouponService.Saved saved = coupons.put(null, code, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.coupon());
    }

    @GetMapping
    public PageResponse<CouponResponse> list(@RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return coupons.list(null, Paging.of(page, size));
    }

    @GetMapping("/{code}")
    public CouponResponse get(@PathVariable String code) {
        return coupons.get(null, code);
    }

    /** Disables the coupon (204, also when it was disabled already). */
    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void disable(@PathVariable String code) {
        coupons.disable(null, code);
    }
}
