package io.haat.payment.commission;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.haat.events.Money;
import java.time.Instant;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * seller-service's commission look-up, asked only when no rule learnt from {@code seller.commission} applies (the
 * events are late). Its {@code AdminCommissionController.applicable}: no category, so the category-less rule, as the
 * local copy chooses. The token is passed explicitly (a service token), never the caller's.
 */
@FeignClient(name = "seller-service")
public interface SellerCommissionClient {

    @GetMapping("/admin/commissions/applicable")
    AppliedCommission applicable(@RequestHeader(value = "Authorization", required = false) String authorization,
                                 @RequestParam("storeId") String storeId, @RequestParam("at") String at);

    /** The part of seller-service's answer payment-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppliedCommission(String storeId, Instant at, Rule rule) {
    }

    /** seller-service's {@code CommissionRuleResponse}, as far as the rate and its bounds go. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rule(String id, String scope, String scopeId, String categoryId, int basisPoints, Money minimumFee,
                Money maximumFee, Instant effectiveFrom) {
    }
}
