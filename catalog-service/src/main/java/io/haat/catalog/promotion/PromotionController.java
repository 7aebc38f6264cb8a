package io.haat.catalog.promotion;

import io.haat.catalog.support.Links;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.ETags;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** What is live now (anyone), and the admins' management of promotions and banners. */
@RestController
public class PromotionController {

    private final PromotionService promotions;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PromotionController(PromotionService promotions, CurrentUser currentUser, Clock clock) {
        this.promotions = promotions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/promotions/active")
    public List<PromotionResponse> active(@RequestParam(required = false) Promotion.Placement placement) {
        Links links = Links.current();
        return promotions.active(placement).stream()
                .map(p -> PromotionResponse.of(p, clock.instant(), links)).toList();
    }

    @GetMapping("/admin/promotions")
    @PreAuthorize("hasRole('ADMIN')")
    public PageResponse<PromotionResponse> all(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        Links links = Links.current();
        return promotions.all(Paging.of(page, size)).map(p -> PromotionResponse.of(p, clock.instant(), links));
    }

    @GetMapping("/admin/promotions/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<PromotionResponse> one(@PathVariable String id) {
        return respond(promotions.require(id));
    }

    @PostMapping("/admin/promotions")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<PromotionResponse> create(@Valid @RequestBody PromotionRequest request) {
        Promotion created = promotions.create(Actor.current(currentUser), request);
        return ResponseEntity.created(URI.create("/admin/promotions/" + created.id())).eTag(ETags.of(created.version()))
                .body(PromotionResponse.of(created, clock.instant(), Links.current()));
    }

    @PutMapping("/admin/promotions/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<PromotionResponse> update(@PathVariable String id, @Valid @RequestBody PromotionRequest request,
                                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(promotions.update(Actor.current(currentUser), id, request, ETags.expectedVersion(ifMatch)));
    }

    @DeleteMapping("/admin/promotions/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        promotions.delete(Actor.current(currentUser), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/admin/promotions/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<PromotionResponse> image(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        if (file.isEmpty()) {
            throw new BadRequestException("empty-file", "Empty file", "The uploaded file is empty.");
        }
        try {
            return respond(promotions.setImage(Actor.current(currentUser), id, file.getBytes()));
        } catch (IOException e) {
            throw new BadRequestException("The upload could not be read.", e);
        }
    }

    private ResponseEntity<PromotionResponse> respond(Promotion promotion) {
        return ResponseEntity.ok().eTag(ETags.of(promotion.version()))
                .body(PromotionResponse.of(promotion, clock.instant(), Links.current()));
    }
}
