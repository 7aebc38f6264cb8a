package io.haat.order.coupon;

import io.haat.order.OrderIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Helpers of the coupon tests: coupon bodies and calls. */
abstract class CouponIntegrationTest extends OrderIntegrationTest {

    /** A coupon body: type, value and more fields as name, value, name, value… */
    protected static Map<String, Object> couponBody(String type, Object value, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        if (value != null) {
            body.put("value", value);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    protected Response putStoreCoupon(User seller, String storeId, String code, Map<String, Object> body) {
        return put("/stores/" + storeId + "/coupons/" + code, seller.token(), body);
    }

    protected Response putSiteCoupon(String code, Map<String, Object> body) {
        return put("/admin/coupons/" + code, user("ADMIN").token(), body);
    }

    protected Response applyCoupon(User customer, String code) {
        return post("/cart/coupon", customer.token(), Map.of("code", code));
    }

    /** A fresh code, so tests sharing the database never collide on site-wide codes. */
    protected static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
