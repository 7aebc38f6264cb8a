package io.haat.catalog.imagesearch;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The descriptor of every product image (collection {@code image_descriptors}, one document per image id): the
 * source the Lucene index is rebuilt from at start-up, so images are decoded again only when the descriptor's
 * algorithm {@link VisualDescriptor#VERSION} changed.
 */
@Component
public class ImageDescriptors {

    /** One image's descriptor: the vector as little-endian floats. */
    @Document("image_descriptors")
    public record Stored(@Id String imageId, @Indexed String productId, byte[] vector, long hash, int version) {

        static Stored of(String productId, String imageId, VisualDescriptor descriptor) {
            ByteBuffer bytes = ByteBuffer.allocate(descriptor.vector().length * Float.BYTES);
            bytes.asFloatBuffer().put(descriptor.vector());
            return new Stored(imageId, productId, bytes.array(), descriptor.hash(), VisualDescriptor.VERSION);
        }

        VisualDescriptor descriptor() {
            float[] floats = new float[vector.length / Float.BYTES];
            ByteBuffer.wrap(vector).asFloatBuffer().get(floats);
            return new VisualDescriptor(floats, hash);
        }

        boolean current() {
            return version == VisualDescriptor.VERSION && vector.length == VisualDescriptor.DIMENSIONS * Float.BYTES;
        }
    }

    private final MongoTemplate mongo;

    public ImageDescriptors(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(Stored stored) {
        mongo.save(stored);
    }

    public void delete(String imageId) {
        mongo.remove(Query.query(Criteria.where("_id").is(imageId)), Stored.class);
    }

    public java.util.Optional<Stored> find(String imageId) {
        return java.util.Optional.ofNullable(mongo.findById(imageId, Stored.class));
    }

    public List<Stored> ofProduct(String productId) {
        return mongo.find(Query.query(Criteria.where("productId").is(productId)), Stored.class);
    }

    /** Every stored descriptor, streamed. */
    public void forEach(Consumer<Stored> action) {
        try (var stream = mongo.stream(new Query(), Stored.class)) {
            stream.forEach(action);
        }
    }
}
