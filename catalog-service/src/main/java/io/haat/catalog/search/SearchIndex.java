package io.haat.catalog.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;

/**
 * The product search index on local disk: near-real-time updates ({@link #apply}: visible to searches when it
 * returns), and a rebuild aside ({@link #startRebuild}) swapped in without a moment without an index. Each
 * replica of catalog-service has its own. Opening it finds the newest generation that was completely built with
 * the current {@link #SCHEMA_VERSION}; anything else means it must be rebuilt ({@link #rebuildNeeded()}) and
 * searches answer from an empty index meanwhile. Searching is {@link SearchEngine}'s job.
 */
public final class SearchIndex implements Closeable {

    /** Bump when documents change shape: an index of another version is rebuilt at start-up. */
    public static final int SCHEMA_VERSION = 4;

    private static final String PREFIX = "gen-";

    private final Path base;
    private final SearchAnalysis analysis = new SearchAnalysis();
    private final LuceneDocuments documents = new LuceneDocuments();
    private final SearchEngine engine;
    private final ReentrantLock writes = new ReentrantLock();
    private final ScheduledExecutorService retirement = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "search-index-retirement");
        thread.setDaemon(true);
        return thread;
    });
    private volatile IndexGeneration current;
    private volatile boolean rebuildNeeded;

    private SearchIndex(Path base) {
        this.base = base;
        this.engine = new SearchEngine(analysis, this::current);
    }

    /** Opens the index under {@code base}, or an empty one to be rebuilt. */
    public static SearchIndex open(Path base) {
        SearchIndex index = new SearchIndex(base);
        index.openNewest();
        return index;
    }

    public SearchEngine engine() {
        return engine;
    }

    /** Whether the index on disk was missing, incomplete or of an older schema. */
    public boolean rebuildNeeded() {
        return rebuildNeeded;
    }

    /** What the index was built from (the catalog database's id, see {@code SearchChangeLog}); null if unknown. */
    public String source() {
        return current.liveData().get(IndexGeneration.SOURCE);
    }

    /** Up to when (epoch millis) the committed index applied changes; empty for a new index. */
    public OptionalLong changesUpTo() {
        String value = current.liveData().get(IndexGeneration.CHANGES_UP_TO);
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    /** Adds or replaces {@code upserts}, removes {@code removals} (product ids), then makes it all searchable. */
    public void apply(Collection<SearchDocument> upserts, Collection<String> removals) {
        writes.lock();
        try {
            IndexGeneration generation = current;
            for (SearchDocument document : upserts) {
                generation.writer.updateDocument(new Term(Fields.ID, document.productId()), documents.toLucene(document));
            }
            for (String id : removals) {
                generation.writer.deleteDocuments(new Term(Fields.ID, id));
            }
            generation.searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writes.unlock();
        }
    }

    /** Makes what was applied durable, remembering it covers the changes up to {@code changesUpTo}. */
    public void commit(long changesUpTo) {
        writes.lock();
        try {
            IndexGeneration generation = current;
            var data = generation.liveData();
            data.put(IndexGeneration.CHANGES_UP_TO, Long.toString(changesUpTo));
            generation.commit(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writes.unlock();
        }
    }

    /** A new generation built aside; searches keep using the current one until {@link Rebuild#swap}. */
    public Rebuild startRebuild() {
        Path path = base.resolve(PREFIX + System.currentTimeMillis() + "-" + System.nanoTime() % 1000);
        return new Rebuild(IndexGeneration.create(path, analysis.indexing()));
    }

    /** A generation being built: documents are added, then it is committed and replaces the current one. */
    public final class Rebuild {

        private final IndexGeneration generation;

        private Rebuild(IndexGeneration generation) {
            this.generation = generation;
        }

        public void add(SearchDocument document) {
            try {
                generation.writer.addDocument(documents.toLucene(document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Commits the new generation (built from {@code source}, covering changes up to {@code changesUpTo}) and
         * makes it the current one.
         */
        public void swap(long changesUpTo, String source) {
            try {
                generation.commit(Map.of(IndexGeneration.SCHEMA, Integer.toString(SCHEMA_VERSION),
                        IndexGeneration.COMPLETE, "true", IndexGeneration.CHANGES_UP_TO, Long.toString(changesUpTo),
                        IndexGeneration.SOURCE, source));
                generation.searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                generation.discard();
                throw new UncheckedIOException(e);
            }
            IndexGeneration old;
            writes.lock();
            try {
                old = current;
                current = generation;
                rebuildNeeded = false;
            } finally {
                writes.unlock();
            }
            // searches that started on the old generation finish on it
            retirement.schedule(old::discard, 10, TimeUnit.SECONDS);
        }

        public void abort() {
            generation.discard();
        }
    }

    /** The words of {@code text} as the index compares them (lower-cased, accents folded), space separated. */
    public String normalize(String text) {
        return String.join(" ", analysis.words(text == null ? "" : text));
    }

    /** Number of products in the index as searches see it. */
    public int size() {
        return engine.withSearcher(searcher -> searcher.count(new MatchAllDocsQuery()));
    }

    /** Bytes of the current generation on disk. */
    public long sizeBytes() {
        return current.sizeBytes();
    }

    IndexGeneration current() {
        return current;
    }

    @Override
    public void close() {
        retirement.shutdownNow();
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openNewest() {
        try {
            Files.createDirectories(base);
            List<Path> generations = new ArrayList<>();
            try (Stream<Path> list = Files.list(base)) {
                list.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                        .forEach(generations::add);
            }
            generations.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            Path usable = generations.stream().filter(SearchIndex::usable).findFirst().orElse(null);
            for (Path p : generations) {
                if (!p.equals(usable)) {
                    IndexGeneration.delete(p);
                }
            }
            if (usable != null) {
                current = IndexGeneration.openExisting(usable, analysis.indexing());
                rebuildNeeded = false;
            } else {
                current = startRebuild().generation;
                current.commit(Map.of(IndexGeneration.SCHEMA, Integer.toString(SCHEMA_VERSION)));
                rebuildNeeded = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + base, e);
        }
    }

    private static boolean usable(Path generation) {
        Map<String, String> data = IndexGeneration.committedData(generation);
        return Integer.toString(SCHEMA_VERSION).equals(data.get(IndexGeneration.SCHEMA))
                && "true".equals(data.get(IndexGeneration.COMPLETE));
    }

    /** Something to do with a searcher of the current generation, released afterwards. */
    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
