package io.haat.catalog.store;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the local copies of stores and sellers. Writes are "newer version wins" upserts, so a
 * redelivered or late event (or a stale fetch) is a no-op: the consumers are idempotent by construction.
 */
@Component
public class LocalCopies {

    private final MongoTemplate mongo;

    public LocalCopies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<StoreCopy> store(String id) {
        return Optional.ofNullable(mongo.findById(id, StoreCopy.class));
    }

    public Optional<SellerCopy> seller(String id) {
        return Optional.ofNullable(mongo.findById(id, SellerCopy.class));
    }

    public List<StoreCopy> storesOfSeller(String sellerId) {
        return mongo.find(Query.query(Criteria.where("sellerId").is(sellerId)), StoreCopy.class);
    }

    /** Stores the copy unless a copy of the same or a newer version is there; true when it was written. */
    public boolean apply(StoreCopy store) {
        return upsertIfNewer(store.id(), store.version(), store);
    }

    public boolean apply(SellerCopy seller) {
        return upsertIfNewer(seller.id(), seller.version(), seller);
    }

    private boolean upsertIfNewer(String id, long version, Object copy) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(id).and("version").lt(version));
        try {
            Object previous = mongo.findAndReplace(olderOrMissing, copy,
                    FindAndReplaceOptions.options().upsert());
            return previous != null || exists(copy.getClass(), id, version);
        } catch (DuplicateKeyException e) {
            return false; // a copy with the same or a newer version exists: this one is stale
        }
    }

    // an upsert returns no previous document: tell an insert from "nothing matched" by reading it back
    private boolean exists(Class<?> type, String id, long version) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id).and("version").is(version)), type);
    }
}
