package io.haat.order.shipping;

import io.haat.platform.web.ETags;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.Versions;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A store's shipping methods: public reads; its seller adds, replaces and deactivates them. */
@RestController
@RequestMapping("/stores/{storeId}/shipping-methods")
public class ShippingMethodController {

    private final ShippingMethodService methods;

    public ShippingMethodController(ShippingMethodService methods) {
        this.methods = methods;
    }

    @GetMapping
    public PageResponse<ShippingMethodResponse> list(@PathVariable String storeId,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return methods.list(storeId, Paging.of(page, size)).map(ShippingMethodResponse::from);
    }

    @GetMapping("/{methodId}")
    public ResponseEntity<ShippingMethodResponse> get(@PathVariable String storeId, @PathVariable UUID methodId) {
        return answer(ResponseEntity.ok(), methods.get(storeId, methodId));
    }

    @PostMapping
    public ResponseEntity<ShippingMethodResponse> create(@PathVariable String storeId,
                                                         @Valid @RequestBody ShippingMethodRequest request) {
        ShippingMethod method = methods.create(storeId, request.toTerms());
        return answer(ResponseEntity.created(URI.create("/stores/" + storeId + "/shipping-methods/" + method.id())),
                method);
    }

    @PutMapping("/{methodId}")
    public ResponseEntity<ShippingMethodResponse> replace(@PathVariable String storeId, @PathVariable UUID methodId,
                                                          @Valid @RequestBody ShippingMethodRequest request,
                                                          @RequestHeader(name = "If-Match", required = false)
                                                          String ifMatch) {
        Long expected = Versions.expected(ifMatch, request.version());
        return answer(ResponseEntity.ok(), methods.edit(storeId, methodId, request.toTerms(), expected));
    }

    /** Deactivates: the method stays readable by its seller and may be brought back with PUT. */
    @DeleteMapping("/{methodId}")
    public ResponseEntity<Void> deactivate(@PathVariable String storeId, @PathVariable UUID methodId,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        methods.deactivate(storeId, methodId, Versions.expected(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ShippingMethodResponse> answer(ResponseEntity.BodyBuilder builder,
                                                                 ShippingMethod method) {
        return builder.eTag(ETags.of(method.version())).body(ShippingMethodResponse.from(method));
    }
}
