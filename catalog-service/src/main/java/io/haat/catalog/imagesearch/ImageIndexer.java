package io.haat.catalog.imagesearch;

import io.haat.catalog.image.ImageStorage;
import io.haat.catalog.image.ProductImageRemoved;
import io.haat.catalog.image.ProductImageStored;
import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the image index in step with product images: an uploaded image is described (from its small rendition)
 * and indexed before the upload answers; a removed one leaves the index. At start-up the index is filled from the
 * stored descriptors, and every image without a current descriptor (uploaded before image search existed, or
 * described by an older algorithm) is read from GridFS and described (backfill), in the background.
 *
 * <p>Every image of a product that is not deleted is indexed, whatever the product's status: a draft's images are
 * there when it is approved. Searches keep only public products, checked against MongoDB.
 */
@Component
public class ImageIndexer {

    private static final Logger log = LoggerFactory.getLogger(ImageIndexer.class);
    static final int RENDITION = 200;

    private final ImageIndex index;
    private final ImageDescriptors descriptors;
    private final ImageStorage storage;
    private final MongoTemplate mongo;
    private volatile boolean ready;

    public ImageIndexer(ImageIndex index, ImageDescriptors descriptors, ImageStorage storage, MongoTemplate mongo) {
        this.index = index;
        this.descriptors = descriptors;
        this.storage = storage;
        this.mongo = mongo;
    }

    @EventListener
    void stored(ProductImageStored stored) {
        try {
            describe(stored.productId(), stored.imageId(), stored.smallRendition());
        } catch (RuntimeException e) {
            // the upload itself succeeded; the next start-up's backfill describes the image
            log.warn("image {} of product {} not indexed: {}", stored.imageId(), stored.productId(), e.toString());
        }
    }

    @EventListener
    void removed(ProductImageRemoved removed) {
        descriptors.delete(removed.imageId());
        index.remove(removed.imageId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildInBackground() {
        Thread.ofVirtual().name("image-index-rebuild").start(() -> {
            try {
                rebuild();
            } catch (RuntimeException e) {
                log.error("image index rebuild failed; searches see the images indexed so far", e);
            }
        });
    }

    /** Whether the start-up rebuild has finished. */
    public boolean ready() {
        return ready;
    }

    /** Indexes every stored descriptor, then describes the images that have none; returns how many were described. */
    int rebuild() {
        long started = System.nanoTime();
        Set<String> current = new HashSet<>();
        descriptors.forEach(stored -> {
            if (stored.current()) {
                index.put(stored.productId(), stored.imageId(), stored.descriptor());
                current.add(stored.imageId());
            }
        });
        int described = 0;
        Query products = Query.query(Criteria.where("status").ne(ProductStatus.DELETED.name()).and("images.0").exists(true));
        products.fields().include("_id", "images.imageId");
        // raw documents: a projection of Product could not be instantiated (its primitives would be missing)
        try (var stream = mongo.stream(products, Document.class, mongo.getCollectionName(Product.class))) {
            for (Document product : (Iterable<Document>) stream::iterator) {
                for (Document image : product.getList("images", Document.class, List.of())) {
                    String imageId = image.getString("imageId");
                    if (imageId != null && !current.contains(imageId)
                            && backfill(product.get("_id").toString(), imageId)) {
                        described++;
                    }
                }
            }
        }
        ready = true;
        log.info("image index: {} images ({} described now) in {} ms", index.size(), described,
                (System.nanoTime() - started) / 1_000_000);
        return described;
    }

    private boolean backfill(String productId, String imageId) {
        Optional<ImageStorage.StoredImage> rendition = storage.find(imageId, RENDITION);
        if (rendition.isEmpty()) {
            log.warn("image {} of product {} has no {} px rendition; not indexed", imageId, productId, RENDITION);
            return false;
        }
        return describe(productId, imageId, rendition.get().bytes());
    }

    private boolean describe(String productId, String imageId, byte[] rendition) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(new ByteArrayInputStream(rendition));
        } catch (IOException e) {
            picture = null;
        }
        if (picture == null) {
            log.warn("image {} of product {} could not be decoded; not indexed", imageId, productId);
            return false;
        }
        VisualDescriptor descriptor = VisualDescriptor.of(picture);
        descriptors.save(ImageDescriptors.Stored.of(productId, imageId, descriptor));
        index.put(productId, imageId, descriptor);
        return true;
    }
}
