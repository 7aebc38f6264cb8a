package io.haat.catalog.imagesearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * This instance's Lucene index of image vectors (its own directory, not the text search's): one document per
 * product image with its {@link VisualDescriptor} as a {@link KnnFloatVectorField} (HNSW graph, cosine), the
 * product id and the perceptual hash. Opened empty ({@code CREATE}) and filled from MongoDB at start-up; changes
 * are visible to the next search at once (near-real-time reader refreshed after each write).
 */
@Component
public class ImageIndex implements DisposableBean {

    static final String VECTOR = "vector";
    private static final String IMAGE_ID = "imageId";
    private static final String PRODUCT_ID = "productId";
    private static final String HASH = "hash";

    private final Path path;
    private final boolean temporary;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public ImageIndex(ImageSearchProperties settings) throws IOException {
        this.temporary = settings.indexDir().isBlank();
        this.path = temporary ? Files.createTempDirectory("haat-image-index") : Path.of(settings.indexDir());
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        this.writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE));
        this.searchers = new SearcherManager(writer, null);
    }

    /** One nearest image: its product, its perceptual hash and the cosine similarity to the query. */
    public record Hit(String imageId, String productId, long hash, double cosine) {
    }

    /** Adds or replaces the image's document. */
    public void put(String productId, String imageId, VisualDescriptor descriptor) {
        Document document = new Document();
        document.add(new StringField(IMAGE_ID, imageId, Field.Store.YES));
        document.add(new StringField(PRODUCT_ID, productId, Field.Store.YES));
        document.add(new StoredField(HASH, descriptor.hash()));
        document.add(new KnnFloatVectorField(VECTOR, descriptor.vector(), VectorSimilarityFunction.COSINE));
        try {
            writer.updateDocument(new Term(IMAGE_ID, imageId), document);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String imageId) {
        try {
            writer.deleteDocuments(new Term(IMAGE_ID, imageId));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code k} nearest images by HNSW search, most similar first. */
    public List<Hit> nearest(float[] vector, int k) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] docs = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k), k).scoreDocs;
                StoredFields fields = searcher.storedFields();
                List<Hit> hits = new ArrayList<>(docs.length);
                for (ScoreDoc doc : docs) {
                    Document stored = fields.document(doc.doc);
                    // Lucene's cosine score is (1 + cos) / 2
                    hits.add(new Hit(stored.get(IMAGE_ID), stored.get(PRODUCT_ID),
                            stored.getField(HASH).numericValue().longValue(), 2.0 * doc.score - 1.0));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Images in the index. */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        if (temporary) {
            FileSystemUtils.deleteRecursively(path);
        }
    }
}
