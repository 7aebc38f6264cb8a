package io.haat.catalog.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One built index in its own directory ({@code gen-<n>} under the index's base directory): its writer and the
 * near-real-time searchers over it. A rebuild makes a new generation aside and swaps it in; the commit user data
 * records the schema version, whether the generation was completely built and up to when it applied changes.
 */
final class IndexGeneration implements Closeable {

    static final String SCHEMA = "schema";
    static final String COMPLETE = "complete";
    static final String CHANGES_UP_TO = "changesUpTo";
    static final String SOURCE = "source";

    final Path path;
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    private IndexGeneration(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** A new, empty generation. */
    static IndexGeneration create(Path path, Analyzer analyzer) {
        return open(path, analyzer, IndexWriterConfig.OpenMode.CREATE);
    }

    /** The generation at {@code path} as last committed. */
    static IndexGeneration openExisting(Path path, Analyzer analyzer) {
        return open(path, analyzer, IndexWriterConfig.OpenMode.APPEND);
    }

    /** The commit user data of the generation at {@code path}; empty when it has no commit. */
    static Map<String, String> committedData(Path path) {
        try (Directory directory = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            return new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static IndexGeneration open(Path path, Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        try {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode)
                    .setRAMBufferSizeMB(64).setCommitOnClose(false);
            return new IndexGeneration(path, directory, new IndexWriter(directory, config));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path, e);
        }
    }

    void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    Map<String, String> liveData() {
        Map<String, String> data = new HashMap<>();
        var live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    long sizeBytes() {
        try (Stream<Path> files = Files.list(path)) {
            return files.mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.rollback();
            } finally {
                directory.close();
            }
        }
    }

    /** Closes and deletes the generation's files. */
    void discard() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // deleting below is what matters
        }
        delete(path);
    }

    static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next start-up
                }
            });
        } catch (IOException e) {
            // already gone
        }
    }
}
