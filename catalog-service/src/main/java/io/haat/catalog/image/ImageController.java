package io.haat.catalog.image;

import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductRepository;
import io.haat.platform.image.ImageProcessor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.NotFoundException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves image renditions. A rendition never changes (a new upload gets a new id), so responses carry a
 * content-hash ETag; {@code If-None-Match} answers 304.
 *
 * <p>Who may read one follows what it belongs to: an image of a product that is public (ACTIVE, store visible) is
 * served to anyone and may be cached for a year ({@code public, immutable}); an image of a product that is not
 * (draft, in review, rejected, banned, archived) only to the product's owner (the store owner) and admins, with
 * {@code private, no-cache}; to everyone else, and for a deleted product (whose files are deleted), 404 — the
 * image's existence is not revealed. Other images (promotion banners) are public.
 */
@RestController
public class ImageController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private static final CacheControl OWNER_ONLY = CacheControl.noCache().cachePrivate();
    private static final String PRODUCT = "product:";

    private final ImageStorage storage;
    private final ProductRepository products;
    private final CurrentUser currentUser;

    public ImageController(ImageStorage storage, ProductRepository products, CurrentUser currentUser) {
        this.storage = storage;
        this.products = products;
        this.currentUser = currentUser;
    }

    @GetMapping("/images/{imageId}")
    public ResponseEntity<byte[]> full(@PathVariable String imageId,
                                       @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return serve(imageId, 0, ifNoneMatch);
    }

    @GetMapping("/images/{imageId}/thumbnails/{size}")
    public ResponseEntity<byte[]> thumbnail(@PathVariable String imageId, @PathVariable int size,
                                            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (size != ImageProcessor.LARGE && size != ImageProcessor.SMALL) {
            throw new NotFoundException("Thumbnails exist at 200 and 800 pixels only.");
        }
        return serve(imageId, size, ifNoneMatch);
    }

    private ResponseEntity<byte[]> serve(String imageId, int size, String ifNoneMatch) {
        ImageStorage.Located image = storage.locate(imageId, size)
                .orElseThrow(() -> NotFoundException.of("Image", imageId));
        CacheControl caching = readableAs(image.owner());
        if (caching == null) {
            throw NotFoundException.of("Image", imageId); // not revealed: same answer as a missing image
        }
        String etag = "\"" + image.etag() + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(caching).build();
        }
        byte[] bytes = storage.read(image);
        return ResponseEntity.ok().eTag(etag).cacheControl(caching)
                .contentType(MediaType.parseMediaType(image.contentType()))
                .contentLength(bytes.length).body(bytes);
    }

    /** How the caller may have an image of {@code owner}: public, private (owner, admin), or null (not at all). */
    private CacheControl readableAs(String owner) {
        if (owner == null || !owner.startsWith(PRODUCT)) {
            return FOREVER;
        }
        Product product = products.find(owner.substring(PRODUCT.length())).orElse(null);
        if (product == null) {
            return null; // deleted (or never stored): its images are gone for everyone
        }
        if (product.isPublic()) {
            return FOREVER;
        }
        boolean signedIn = currentUser.isAuthenticated();
        return signedIn && (currentUser.hasRole("ADMIN") || product.isOwnedBy(currentUser.subject())) ? OWNER_ONLY : null;
    }
}
