package io.haat.catalog.image;

import io.haat.platform.image.ImageProcessor;
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
 * Serves image renditions to anyone. A rendition never changes (a new upload gets a new id), so responses carry
 * a content-hash ETag and may be cached for a year ({@code immutable}); {@code If-None-Match} answers 304.
 */
@RestController
public class ImageController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final ImageStorage storage;

    public ImageController(ImageStorage storage) {
        this.storage = storage;
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
        ImageStorage.StoredImage image = storage.find(imageId, size)
                .orElseThrow(() -> NotFoundException.of("Image", imageId));
        String etag = "\"" + image.etag() + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOREVER).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(FOREVER)
                .contentType(MediaType.parseMediaType(image.contentType()))
                .contentLength(image.bytes().length).body(image.bytes());
    }
}
