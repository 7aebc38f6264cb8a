package io.haat.catalog.imagesearch;

import io.haat.platform.image.ImageProcessor;
import io.haat.platform.image.InvalidImage;
import io.haat.platform.image.ProcessedImage;
import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductQueries;
import io.haat.catalog.support.Links;
import io.haat.events.Money;
import io.haat.platform.messaging.mongo.MongoOutbox;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Finds the public products whose images look most like a photo. The photo goes through exactly what a product
 * image goes through (same checks and limits, decoded, turned upright, scaled to the 200 px rendition) and is
 * described the same way; HNSW finds the nearest image vectors, which are grouped by product (its best image
 * counts), re-ranked with the perceptual-hash distance, and kept only while the product is ACTIVE in a visible
 * store (checked in MongoDB, so a banned or deleted product or a suspended store never comes back).
 */
@Service
public class ImageSearchService {

    /** How much the perceptual hash counts next to the vector's cosine in the final score. */
    private static final double HASH_WEIGHT = 0.15;

    private final ImageProcessor processor;
    private final ImageIndex index;
    private final ImageDescriptors descriptors;
    private final MongoTemplate mongo;
    private final ImageSearchProperties settings;

    public ImageSearchService(ImageProcessor processor, ImageIndex index, ImageDescriptors descriptors,
                              MongoTemplate mongo, ImageSearchProperties settings) {
        this.processor = processor;
        this.index = index;
        this.descriptors = descriptors;
        this.mongo = mongo;
        this.settings = settings;
    }

    /** A matching product; {@code score} in [0, 1], {@code image} the small thumbnail of its best-matching image. */
    public record Match(String productId, String name, double score, String storeId, String categoryId, Money price,
                        double rating, String image) {
    }

    public List<Match> search(byte[] photo, int limit) {
        VisualDescriptor query = describe(processor.process(photo));
        int wanted = Math.max(1, Math.min(limit, settings.maxResults()));
        Map<String, Scored> byProduct = new LinkedHashMap<>();
        for (ImageIndex.Hit hit : index.nearest(query.vector(), Math.max(settings.candidates(), wanted))) {
            double score = (1 - HASH_WEIGHT) * Math.max(0, hit.cosine())
                    + HASH_WEIGHT * (1 - VisualDescriptor.hamming(hit.hash(), query.hash()) / 64.0);
            byProduct.merge(hit.productId(), new Scored(hit.imageId(), score),
                    (a, b) -> a.score() >= b.score() ? a : b);
        }
        if (byProduct.isEmpty()) {
            return List.of();
        }
        Query visible = Query.query(Criteria.where("_id").in(byProduct.keySet()).andOperator(ProductQueries.publicOnly()));
        visible.fields().exclude(MongoOutbox.FIELD, "description", "attributes", "variants", "options");
        Map<String, Product> products = mongo.find(visible, Product.class).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        Links links = Links.current();
        List<Match> matches = new ArrayList<>();
        byProduct.entrySet().stream()
                .filter(e -> products.containsKey(e.getKey()))
                .sorted(Comparator.comparingDouble((Map.Entry<String, Scored> e) -> e.getValue().score()).reversed())
                .limit(wanted)
                .forEach(e -> {
                    Product p = products.get(e.getKey());
                    matches.add(new Match(p.id(), p.name(), Math.round(e.getValue().score() * 1000) / 1000.0,
                            p.storeId(), p.categoryId(), new Money(p.minPriceMinor(), p.currency()),
                            p.rating().displayAverage(), links.thumbnail(e.getValue().imageId(), ImageIndexer.RENDITION)));
                });
        return matches;
    }

    /**
     * Products whose images look like one of this product's images (best cosine over the pairs), without the
     * product itself; not filtered by visibility (the caller does that).
     */
    public Map<String, Double> lookAlikes(String productId, int limit) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (ImageDescriptors.Stored stored : descriptors.ofProduct(productId)) {
            for (ImageIndex.Hit hit : index.nearest(stored.descriptor().vector(), limit + io.haat.catalog.product.Product.MAX_IMAGES)) {
                if (!hit.productId().equals(productId)) {
                    best.merge(hit.productId(), hit.cosine(), Math::max);
                }
            }
        }
        return best;
    }

    private record Scored(String imageId, double score) {
    }

    private static VisualDescriptor describe(ProcessedImage processed) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(processed.small()));
            if (picture == null) {
                throw InvalidImage.notAnImage();
            }
            return VisualDescriptor.of(picture);
        } catch (IOException e) {
            throw InvalidImage.notAnImage();
        }
    }
}
