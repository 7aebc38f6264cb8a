package io.haat.catalog.product;

import io.haat.catalog.stock.StockLevel;
import io.haat.catalog.stock.StockLevels;
import io.haat.catalog.support.Links;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Paged product lists (public, the owner's, the moderation queue) as product cards with stock. */
@Component
public class ProductQueries {

    private final MongoTemplate mongo;
    private final StockLevels stock;

    public ProductQueries(MongoTemplate mongo, StockLevels stock) {
        this.mongo = mongo;
        this.stock = stock;
    }

    /** What the public sees: ACTIVE products of visible stores. */
    public static Criteria publicOnly() {
        return Criteria.where("status").is(ProductStatus.ACTIVE).and("storeVisible").is(true);
    }

    public PageResponse<ProductSummary> publicOfStore(String storeId, Paging paging, ProductSort sort) {
        return summaries(Criteria.where("storeId").is(storeId).andOperator(publicOnly()), paging, sort);
    }

    /** The owner's view of a store: every product but deleted ones, optionally of one status. */
    public PageResponse<ProductSummary> ownerOfStore(String storeId, ProductStatus status, Paging paging,
                                                      ProductSort sort) {
        Criteria criteria = Criteria.where("storeId").is(storeId);
        criteria = status != null ? criteria.and("status").is(status) : criteria.and("status").ne(ProductStatus.DELETED);
        return summaries(criteria, paging, sort);
    }

    public PageResponse<ProductSummary> publicInCategories(Collection<String> categoryIds, Paging paging,
                                                            ProductSort sort) {
        return summaries(Criteria.where("categoryId").in(categoryIds).andOperator(publicOnly()), paging, sort);
    }

    public PageResponse<ProductSummary> withStatus(ProductStatus status, Paging paging, ProductSort sort) {
        return summaries(Criteria.where("status").is(status), paging, sort);
    }

    private PageResponse<ProductSummary> summaries(Criteria criteria, Paging paging, ProductSort sort) {
        Query query = Query.query(criteria).with(sort.sort()).skip(paging.offset()).limit(paging.size());
        query.fields().exclude(MongoOutbox.FIELD, "description", "attributes");
        List<Product> products = mongo.find(query, Product.class);
        long total = products.size() < paging.size() && (paging.page() == 0 || !products.isEmpty())
                ? paging.offset() + products.size()
                : mongo.count(Query.query(criteria), Product.class);
        Links links = Links.current();
        Map<String, StockLevel> levels = stock.byIds(stockIds(products));
        List<ProductSummary> items = new ArrayList<>(products.size());
        for (Product p : products) {
            items.add(ProductSummary.of(p, inStock(p, levels), links));
        }
        return PageResponse.of(items, paging, total);
    }

    private static List<String> stockIds(List<Product> products) {
        List<String> ids = new ArrayList<>();
        for (Product p : products) {
            p.variants().forEach(v -> ids.add(StockLevel.idOf(p.storeId(), v.sku())));
        }
        return ids;
    }

    private static Boolean inStock(Product p, Map<String, StockLevel> levels) {
        Boolean known = null;
        for (Variant v : p.variants()) {
            StockLevel level = levels.get(StockLevel.idOf(p.storeId(), v.sku()));
            if (level != null) {
                if (level.available() > 0) {
                    return true;
                }
                known = false;
            }
        }
        return known;
    }
}
