package io.haat.catalog.image;

import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductResponse;
import io.haat.catalog.support.Links;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The owner manages a product's images: multipart upload (part {@code file}), reorder, delete. */
@RestController
@PreAuthorize("hasRole('SELLER')")
public class ProductImageController {

    private final ProductImageService images;
    private final CurrentUser currentUser;

    public ProductImageController(ProductImageService images, CurrentUser currentUser) {
        this.images = images;
        this.currentUser = currentUser;
    }

    /** The new order: every image id of the product once. */
    public record ImageOrderRequest(@NotNull List<@NotNull String> imageIds) {
    }

    /** Answers 201 with the uploaded image (position, links to full and thumbnails) and the product's new ETag. */
    @PostMapping(path = "/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ProductResponse.ImageResponse> upload(@PathVariable String id,
                                                                @RequestPart("file") MultipartFile file,
                                                                @RequestParam(required = false) String alt) {
        if (alt != null && alt.length() > 300) {
            throw new BadRequestException("Parameter 'alt' must be at most 300 characters.");
        }
        ProductImageService.Uploaded uploaded = images.upload(actor(), id, Uploads.bytes(file), alt);
        Product product = uploaded.product();
        ProductResponse.ImageResponse added = ProductResponse.ImageResponse.of(product.images(), Links.current())
                .stream().filter(image -> image.id().equals(uploaded.imageId())).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create(added.url())).eTag(ETags.of(product.currentVersion())).body(added);
    }

    @PutMapping("/products/{id}/images/order")
    public ResponseEntity<List<ProductResponse.ImageResponse>> reorder(@PathVariable String id,
                                                                       @Valid @RequestBody ImageOrderRequest request) {
        Product product = images.reorder(actor(), id, request.imageIds());
        return ResponseEntity.ok().eTag(ETags.of(product.currentVersion()))
                .body(ProductResponse.ImageResponse.of(product.images(), Links.current()));
    }

    @DeleteMapping("/products/{id}/images/{imageId}")
    public ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String imageId) {
        images.delete(actor(), id, imageId);
        return ResponseEntity.noContent().build();
    }

    private Actor actor() {
        return Actor.current(currentUser);
    }
}
