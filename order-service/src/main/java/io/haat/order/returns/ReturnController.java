package io.haat.order.returns;

import io.haat.events.orders.ReturnStatus;
import io.haat.order.store.StoreOwnership;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Returns over HTTP: the customer asks ({@code POST /orders/{id}/returns}, JSON, or multipart with photos) and lists
 * theirs; the store's seller lists, approves, rejects and marks received; the customer, the seller and admins see a
 * return and its photos. Anyone else: 404.
 */
@RestController
public class ReturnController {

    /** Why the store refuses. */
    public record RejectBody(@NotBlank @Size(max = 500) String reason) {
    }

    /** What a new return answers. */
    public record Created(UUID id, ReturnStatus status) {
    }

    private final ReturnService service;
    private final ReturnRepository returns;
    private final ReturnPhotos photos;
    private final ReturnAccess access;
    private final StoreOwnership ownership;
    private final CurrentUser currentUser;

    public ReturnController(ReturnService service, ReturnRepository returns, ReturnPhotos photos, ReturnAccess access,
                            StoreOwnership ownership, CurrentUser currentUser) {
        this.service = service;
        this.returns = returns;
        this.photos = photos;
        this.access = access;
        this.ownership = ownership;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/orders/{orderId}/returns", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> request(@PathVariable UUID orderId, @Valid @RequestBody ReturnBody body) {
        return created(service.request(currentUser.id(), orderId, body.toRequest(), List.of()));
    }

    @PostMapping(path = "/orders/{orderId}/returns", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Created> requestWithPhotos(@PathVariable UUID orderId,
                                                     @Valid @RequestPart("return") ReturnBody body,
                                                     @RequestPart(name = "photos", required = false)
                                                     List<MultipartFile> files) {
        return created(service.request(currentUser.id(), orderId, body.toRequest(), photos.process(files)));
    }

    @GetMapping("/returns/mine")
    public PageResponse<ReturnResponse> mine(@RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return returns.ofCustomer(currentUser.id(), Paging.of(page, size)).map(ReturnResponse::from);
    }

    @GetMapping("/returns/{id}")
    public ReturnResponse get(@PathVariable UUID id) {
        return ReturnResponse.from(visible(id));
    }

    @GetMapping("/returns/{id}/photos/{n}")
    public ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable int n) {
        visible(id);
        ReturnRepository.Photo photo = returns.photo(id, n).orElseThrow(() -> ReturnAccess.notFound(id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    @PostMapping("/returns/{id}/approve")
    public ReturnResponse approve(@PathVariable UUID id) {
        return ReturnResponse.from(service.approve(id, Actor.current(currentUser)));
    }

    @PostMapping("/returns/{id}/reject")
    public ReturnResponse reject(@PathVariable UUID id, @Valid @RequestBody RejectBody body) {
        return ReturnResponse.from(service.reject(id, body.reason().strip(), Actor.current(currentUser)));
    }

    @PostMapping("/returns/{id}/received")
    public ReturnResponse received(@PathVariable UUID id) {
        return ReturnResponse.from(service.receive(id, Actor.current(currentUser)));
    }

    @GetMapping("/stores/{storeId}/returns")
    public PageResponse<ReturnResponse> ofStore(@PathVariable String storeId,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        ownership.requireOwned(storeId);
        Paging paging = Paging.of(page, size);
        return returns.ofStore(storeId, status(status), paging).map(ReturnResponse::from);
    }

    private ReturnRequest visible(UUID id) {
        return returns.find(id).filter(access::maySee).orElseThrow(() -> ReturnAccess.notFound(id));
    }

    private static ReturnStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReturnStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "is not a return status");
        }
    }

    private static ResponseEntity<Created> created(ReturnRequest r) {
        return ResponseEntity.created(URI.create("/returns/" + r.id())).body(new Created(r.id(), r.status()));
    }
}
