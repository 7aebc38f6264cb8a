package io.haat.catalog.image;

import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductDeleted;
import io.haat.catalog.product.ProductImage;
import io.haat.catalog.product.ProductRepository;
import io.haat.catalog.product.ProductService;
import io.haat.platform.image.ImageProcessor;
import io.haat.platform.image.ProcessedImage;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A product's images, changed by its owner only: upload (processed, then stored), reorder, delete; purged when the
 * product is deleted.
 */
@Service
public class ProductImageService {

    private static final Logger log = LoggerFactory.getLogger(ProductImageService.class);

    private final ProductService products;
    private final ProductRepository productRepository;
    private final ImageProcessor processor;
    private final ImageStorage storage;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ProductImageService(ProductService products, ProductRepository productRepository, ImageProcessor processor,
                               ImageStorage storage, Clock clock, ApplicationEventPublisher events) {
        this.products = products;
        this.productRepository = productRepository;
        this.processor = processor;
        this.storage = storage;
        this.clock = clock;
        this.events = events;
    }

    /** The product after an upload, and the new image's id. */
    public record Uploaded(Product product, String imageId) {
    }

    public Uploaded upload(Actor seller, String productId, byte[] bytes, String alt) {
        Product product = products.requireEditable(seller, productId);
        if (product.images().size() >= Product.MAX_IMAGES) {
            throw tooMany();
        }
        ProcessedImage processed = processor.process(bytes);
        String imageId = UUID.randomUUID().toString();
        storage.store(imageId, processed, "product:" + productId);
        ProductImage image = new ProductImage(imageId, processed.contentType(), processed.width(), processed.height(),
                alt == null || alt.isBlank() ? null : alt.strip(), clock.instant());
        // the limit is part of the update's filter: two uploads racing for the last place cannot both win
        if (!productRepository.addImage(productId, image)) {
            storage.delete(imageId);
            throw tooMany();
        }
        events.publishEvent(new ProductImageStored(productId, imageId, processed.small()));
        return new Uploaded(productRepository.require(productId), imageId);
    }

    /** {@code imageIds}: every image of the product, once, in the new order. */
    public Product reorder(Actor seller, String productId, List<String> imageIds) {
        Product product = products.requireEditable(seller, productId);
        Map<String, ProductImage> byId = product.images().stream()
                .collect(Collectors.toMap(ProductImage::imageId, Function.identity()));
        if (imageIds.size() != byId.size() || !byId.keySet().equals(new HashSet<>(imageIds))) {
            throw new InvalidRequestException("imageIds", "must list every image of the product exactly once");
        }
        List<ProductImage> reordered = new ArrayList<>();
        imageIds.forEach(id -> reordered.add(byId.get(id)));
        return productRepository.replaceImages(product, reordered);
    }

    public void delete(Actor seller, String productId, String imageId) {
        products.requireEditable(seller, productId);
        if (!productRepository.removeImage(productId, imageId)) {
            throw NotFoundException.of("Image", imageId);
        }
        storage.delete(imageId);
        events.publishEvent(new ProductImageRemoved(productId, imageId));
    }

    /**
     * A deleted product's images are deleted with it: every rendition leaves GridFS and every image leaves the image
     * search (descriptor and index entry, via {@link ProductImageRemoved}); then the product lists none.
     */
    @EventListener
    void onProductDeleted(ProductDeleted deleted) {
        purge(deleted.productId());
    }

    /**
     * At start-up: products deleted before their images were purged with them (or whose purge failed half-way)
     * are purged now. Idempotent: a purged product lists no images.
     */
    @EventListener(ApplicationReadyEvent.class)
    void purgeDeletedProducts() {
        for (String productId : productRepository.deletedWithImages()) {
            try {
                purge(productId);
            } catch (RuntimeException e) {
                log.warn("images of deleted product {} not purged; the next start-up retries: {}", productId,
                        e.toString());
            }
        }
    }

    /** Read after the product was stored as deleted: an upload cannot add an image any more (see addImage). */
    private void purge(String productId) {
        List<String> imageIds = productRepository.imagesOfDeleted(productId).stream().map(ProductImage::imageId)
                .toList();
        for (String imageId : imageIds) {
            storage.delete(imageId);
            events.publishEvent(new ProductImageRemoved(productId, imageId));
        }
        if (!imageIds.isEmpty()) {
            productRepository.forgetImagesOfDeleted(productId);
        }
    }

    private static ConflictException tooMany() {
        return new ConflictException("too-many-images", "Too many images",
                "A product has at most " + Product.MAX_IMAGES + " images; delete one first.");
    }
}
