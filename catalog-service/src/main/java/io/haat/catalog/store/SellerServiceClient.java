package io.haat.catalog.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.StoreStatus;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * seller-service, asked only when the local copy does not know a store or seller yet (events are late).
 * Calls relay the caller's token (platform Feign defaults) and sit behind a circuit breaker.
 */
@FeignClient(name = "seller-service")
public interface SellerServiceClient {

    /** The public store page (the owner also sees a suspended store). */
    @GetMapping("/stores/{id}")
    RemoteStore store(@PathVariable("id") String id);

    /** The caller's own seller record; 404 when the caller never applied to sell. */
    @GetMapping("/sellers/me")
    RemoteSeller me();

    /** The fields of seller-service's store response that catalog-service keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoteStore(String id, String sellerId, String name, String slug, StoreStatus status, Long version) {
    }

    /** The fields of seller-service's seller response that catalog-service keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoteSeller(String id, String userId, String businessName, SellerStatus status, Long version) {
    }
}
