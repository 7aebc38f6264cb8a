package io.haat.catalog.search;

import io.haat.catalog.category.CategoryService;
import io.haat.catalog.category.CategoryTree;
import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductQueries;
import io.haat.catalog.stock.StockLevels;
import io.haat.platform.messaging.mongo.MongoOutbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's index in step with MongoDB. One thread applies the change log: woken at once by this
 * replica's writes, and every {@code poll-interval} for other replicas'; each batch reloads the products it
 * names and indexes the public ones (ACTIVE, store visible), removes the others, and is searchable when applied.
 * A rebuild (at start-up when the index is missing, of an older schema, built from another database or older than
 * the log's retention; on an admin's request) reads every public product into a new generation while the current
 * one keeps serving and being updated, swaps it in, then replays the log from when the rebuild began.
 */
@Component
public class SearchIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    /** Entries are re-read this far back: clocks of replicas a little apart, entries inserted out of order. */
    static final long OVERLAP_MILLIS = 2_000;
    private static final int BATCH = 2_000;

    private final SearchIndex index;
    private final SearchChangeLog changes;
    private final MongoTemplate mongo;
    private final StockLevels stock;
    private final CategoryService categories;
    private final SearchProperties settings;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong watermark = new AtomicLong();
    /** Set by a rebuild after its swap: the worker replays the log from there. */
    private final AtomicLong replayFrom = new AtomicLong(Long.MAX_VALUE);
    private final Map<ObjectId, Long> applied = new HashMap<>();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private volatile Thread worker;
    private volatile String databaseId;
    private long lastCommit = System.currentTimeMillis();
    private boolean dirty;

    public SearchIndexer(SearchChangeLog changes, MongoTemplate mongo, StockLevels stock, CategoryService categories,
                         SearchProperties settings) {
        this.changes = changes;
        this.mongo = mongo;
        this.stock = stock;
        this.categories = categories;
        this.settings = settings;
        this.index = SearchIndex.open(settings.directory());
        changes.onRecorded(wake::release);
    }

    public SearchIndex index() {
        return index;
    }

    @Override
    public void start() {
        databaseId = changes.databaseId();
        long now = System.currentTimeMillis();
        long upTo = index.changesUpTo().orElse(0);
        boolean stale = index.rebuildNeeded() || !databaseId.equals(index.source())
                || upTo < now - settings.changeRetention().toMillis() + TimeUnit.HOURS.toMillis(1);
        watermark.set(stale ? now : upTo);
        running = true;
        worker = new Thread(this::work, "search-indexer");
        worker.setDaemon(true);
        worker.start();
        if (stale) {
            log.info("search index at {} is missing or stale: rebuilding from MongoDB", settings.directory());
            requestRebuild();
        }
    }

    /** Starts a rebuild unless one is running; false if one was. */
    public boolean requestRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        rebuilds.submit(this::rebuild);
        return true;
    }

    public boolean rebuilding() {
        return rebuilding.get();
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rebuilds.shutdownNow();
        try {
            index.commit(watermark.get());
        } catch (RuntimeException e) {
            log.warn("search index not committed at shutdown: {}", e.toString());
        }
        index.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                applyNewChanges();
                commitNowAndThen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("search index update failed, retrying: {}", e.toString());
            }
        }
    }

    private void applyNewChanges() {
        long replay = replayFrom.getAndSet(Long.MAX_VALUE);
        if (replay != Long.MAX_VALUE) {
            applied.clear();
            watermark.accumulateAndGet(replay, Math::min);
        }
        long from = watermark.get() - OVERLAP_MILLIS;
        List<SearchChangeLog.Change> batch = changes.since(from, BATCH).stream()
                .filter(c -> !applied.containsKey(c.id())).toList();
        if (batch.isEmpty()) {
            return;
        }
        apply(batch);
        long newest = from;
        for (SearchChangeLog.Change change : batch) {
            applied.put(change.id(), change.at());
            newest = Math.max(newest, change.at());
        }
        long seen = newest;
        watermark.accumulateAndGet(seen, Math::max);
        applied.values().removeIf(at -> at < seen - 2 * OVERLAP_MILLIS);
        dirty = true;
        if (batch.size() == BATCH) {
            wake.release(); // more to read
        }
    }

    private void apply(List<SearchChangeLog.Change> batch) {
        Set<String> productIds = new HashSet<>();
        Set<String> storeIds = new HashSet<>();
        Set<String> skus = new HashSet<>();
        Set<String> categoryIds = new HashSet<>();
        CategoryTree tree = categories.tree();
        for (SearchChangeLog.Change change : batch) {
            switch (change.kind()) {
                case PRODUCT -> productIds.add(change.key());
                case STORE -> storeIds.add(change.key());
                case SKU -> skus.add(change.key());
                case CATEGORY -> categoryIds.addAll(tree.subtreeOf(change.key()));
            }
        }
        List<Criteria> any = new ArrayList<>();
        if (!productIds.isEmpty()) {
            any.add(Criteria.where("_id").in(productIds));
        }
        if (!storeIds.isEmpty()) {
            any.add(Criteria.where("storeId").in(storeIds));
        }
        if (!skus.isEmpty()) {
            any.add(Criteria.where("variants.sku").in(skus));
        }
        if (!categoryIds.isEmpty()) {
            any.add(Criteria.where("categoryId").in(categoryIds));
        }
        Query query = Query.query(any.size() == 1 ? any.getFirst() : new Criteria().orOperator(any));
        query.fields().exclude(MongoOutbox.FIELD);
        List<Product> products = mongo.find(query, Product.class);
        var levels = stock.byIds(ProductDocuments.stockIds(products));
        List<SearchDocument> upserts = new ArrayList<>();
        Set<String> removals = new HashSet<>(productIds);
        for (Product p : products) {
            if (p.isPublic()) {
                upserts.add(ProductDocuments.of(p, levels, tree));
                removals.remove(p.id());
            } else {
                removals.add(p.id());
            }
        }
        index.apply(upserts, removals);
    }

    private void commitNowAndThen() {
        long now = System.currentTimeMillis();
        if (dirty && now - lastCommit >= settings.commitInterval().toMillis()) {
            index.commit(watermark.get() - OVERLAP_MILLIS);
            lastCommit = now;
            dirty = false;
        }
    }

    private void rebuild() {
        long started = System.currentTimeMillis();
        long from = started - OVERLAP_MILLIS;
        SearchIndex.Rebuild rebuild = index.startRebuild();
        try {
            CategoryTree tree = categories.tree();
            Query query = Query.query(ProductQueries.publicOnly());
            query.fields().exclude(MongoOutbox.FIELD);
            List<Product> page = new ArrayList<>(settings.rebuildBatch());
            int[] count = {0};
            try (var stream = mongo.stream(query, Product.class)) {
                stream.forEach(product -> {
                    page.add(product);
                    if (page.size() == settings.rebuildBatch()) {
                        count[0] += addAll(rebuild, page, tree);
                    }
                });
            }
            count[0] += addAll(rebuild, page, tree);
            rebuild.swap(from, databaseId);
            replayFrom.accumulateAndGet(from, Math::min);
            wake.release();
            log.info("search index rebuilt: {} products in {} ms", count[0], System.currentTimeMillis() - started);
        } catch (RuntimeException e) {
            rebuild.abort();
            log.error("search index rebuild failed; the previous index stays in use", e);
        } finally {
            rebuilding.set(false);
        }
    }

    private int addAll(SearchIndex.Rebuild rebuild, List<Product> page, CategoryTree tree) {
        var levels = stock.byIds(ProductDocuments.stockIds(page));
        page.forEach(p -> rebuild.add(ProductDocuments.of(p, levels, tree)));
        int added = page.size();
        page.clear();
        return added;
    }
}
