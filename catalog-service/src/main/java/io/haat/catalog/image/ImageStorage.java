package io.haat.catalog.image;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.haat.platform.image.ImageProcessor;
import io.haat.platform.image.ProcessedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Image renditions in GridFS (bucket {@code images}): one file per rendition, named {@code <imageId>} (full),
 * {@code <imageId>/800} and {@code <imageId>/200}, each with its content type and a content hash for the ETag.
 */
@Component
public class ImageStorage {

    /** The renditions stored for every image: 0 is the full one. */
    public static final List<Integer> RENDITIONS = List.of(0, ImageProcessor.LARGE, ImageProcessor.SMALL);

    private final GridFSBucket bucket;

    public ImageStorage(MongoDatabaseFactory databases) {
        this.bucket = GridFSBuckets.create(databases.getMongoDatabase(), "images");
    }

    /**
     * A stored rendition, read whole (renditions are small: at most the full one of a few MB), with what it belongs
     * to ({@code owner}, e.g. "product:42").
     */
    public record StoredImage(byte[] bytes, String contentType, String etag, String owner) {
    }

    /** A stored rendition found but not read yet: who may read it can be decided from its owner first. */
    public record Located(String owner, String contentType, String etag, ObjectId fileId, long length) {
    }

    /** Stores every rendition; {@code owner} records what the image belongs to (e.g. "product:42"). */
    public void store(String imageId, ProcessedImage image, String owner) {
        for (int size : RENDITIONS) {
            byte[] bytes = image.rendition(size);
            Document metadata = new Document("imageId", imageId).append("rendition", size)
                    .append("contentType", image.contentType()).append("sha256", sha256(bytes))
                    .append("owner", owner);
            bucket.uploadFromStream(fileName(imageId, size), new ByteArrayInputStream(bytes),
                    new GridFSUploadOptions().metadata(metadata).chunkSizeBytes(255 * 1024));
        }
    }

    public Optional<StoredImage> find(String imageId, int size) {
        return locate(imageId, size).map(l -> new StoredImage(read(l), l.contentType(), l.etag(), l.owner()));
    }

    public Optional<Located> locate(String imageId, int size) {
        GridFSFile file = bucket.find(eq("filename", fileName(imageId, size))).first();
        if (file == null || file.getMetadata() == null) {
            return Optional.empty();
        }
        Document metadata = file.getMetadata();
        return Optional.of(new Located(metadata.getString("owner"), metadata.getString("contentType"),
                metadata.getString("sha256"), file.getObjectId(), file.getLength()));
    }

    public byte[] read(Located located) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(located.length(), Integer.MAX_VALUE));
        bucket.downloadToStream(located.fileId(), out);
        return out.toByteArray();
    }

    /** Whether any rendition of the image is still stored. */
    public boolean exists(String imageId) {
        return RENDITIONS.stream().anyMatch(size -> bucket.find(eq("filename", fileName(imageId, size))).first() != null);
    }

    public void delete(String imageId) {
        for (int size : RENDITIONS) {
            for (GridFSFile file : bucket.find(eq("filename", fileName(imageId, size)))) {
                bucket.delete(file.getObjectId());
            }
        }
    }

    private static String fileName(String imageId, int size) {
        return size == 0 ? imageId : imageId + "/" + size;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
