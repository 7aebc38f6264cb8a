package io.haat.catalog.recommendation;

import io.haat.catalog.imagesearch.ImageSearchService;
import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductQueries;
import io.haat.platform.messaging.mongo.MongoOutbox;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@link Catalog} the endpoints recommend from: public products in MongoDB, look-alikes from image search. */
@Component
public class MongoCatalog implements Catalog {

    private final MongoTemplate mongo;
    private final ImageSearchService images;

    public MongoCatalog(MongoTemplate mongo, ImageSearchService images) {
        this.mongo = mongo;
        this.images = images;
    }

    @Override
    public Map<String, Item> publicItems(Collection<String> ids) {
        Map<String, Item> items = new HashMap<>();
        if (!ids.isEmpty()) {
            publicProducts(Criteria.where("_id").in(ids), ids.size()).forEach((id, p) -> items.put(id, item(p)));
        }
        return items;
    }

    /** The public products among {@code ids}, as stored (for the answer's name, price and rating). */
    public Map<String, Product> publicProducts(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : publicProducts(Criteria.where("_id").in(ids), ids.size());
    }

    @Override
    public List<Item> inCategory(String categoryId, int limit) {
        Query query = Query.query(Criteria.where("categoryId").is(categoryId).andOperator(ProductQueries.publicOnly()))
                .with(Sort.by(Sort.Direction.DESC, "rating.count", "createdAt")).limit(limit);
        query.fields().exclude(MongoOutbox.FIELD, "description", "variants", "options", "images");
        return mongo.find(query, Product.class).stream().map(MongoCatalog::item).toList();
    }

    @Override
    public Map<String, Double> lookAlikes(String productId, int limit) {
        return images.lookAlikes(productId, limit);
    }

    private Map<String, Product> publicProducts(Criteria criteria, int limit) {
        Query query = Query.query(criteria.andOperator(ProductQueries.publicOnly())).limit(limit);
        query.fields().exclude(MongoOutbox.FIELD, "description", "variants", "options");
        Map<String, Product> products = new HashMap<>();
        mongo.find(query, Product.class).forEach(p -> products.put(p.id(), p));
        return products;
    }

    private static Item item(Product p) {
        return new Item(p.id(), p.categoryId(), p.brand(), p.attributes(), Item.wordsOf(p.name()));
    }
}
