package io.haat.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The minimum-rating filter reads either the points or, next to a selective query, the doc values (raw double
 * bits): both ways must find the same products, for every rating a product can have and every minimum the API
 * accepts.
 */
class RatingFilterTest {

    private static final double[] RATINGS = {0.0, 0.5, 1.0, 2.5, 3.9, 3.95, 4.0, 4.05, 4.9, 5.0};

    @Test
    void docValuesAndPointsFindTheSameProducts() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                for (double rating : RATINGS) {
                    Document doc = new Document();
                    doc.add(new DoublePoint(Fields.RATING, rating));
                    doc.add(new DoubleDocValuesField(Fields.RATING, rating));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (double min : new double[] {0.0, 0.5, 1.0, 3.9, 3.95, 4.0, 4.01, 4.9, 5.0}) {
                    Query filter = SearchEngine.ratingAtLeast(min);
                    assertThat(filter).isInstanceOf(IndexOrDocValuesQuery.class);
                    Query points = ((IndexOrDocValuesQuery) filter).getIndexQuery();
                    Query docValues = ((IndexOrDocValuesQuery) filter).getRandomAccessQuery();
                    long expected = Arrays.stream(RATINGS).filter(r -> r >= min).count();
                    assertThat(searcher.count(points)).as("points, min %s", min).isEqualTo(expected);
                    assertThat(searcher.count(docValues)).as("doc values, min %s", min).isEqualTo(expected);
                }
            }
        }
    }
}
