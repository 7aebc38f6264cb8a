package io.haat.catalog.recommendation;

import io.haat.catalog.product.Product;
import io.haat.catalog.product.ProductRepository;
import io.haat.catalog.support.Links;
import io.haat.events.Money;
import io.haat.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The three recommendation lists, as product cards with the reason each product is there. */
@Service
public class RecommendationService {

    private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);
    static final int WISHLIST_SIZE = 50;

    private final Recommender recommender;
    private final InteractionStore signals;
    private final MongoCatalog catalog;
    private final ProductRepository products;
    private final WishlistClient wishlists;

    public RecommendationService(InteractionStore signals, MongoCatalog catalog, ProductRepository products,
                                 WishlistClient wishlists) {
        this.recommender = new Recommender(signals, catalog);
        this.signals = signals;
        this.catalog = catalog;
        this.products = products;
        this.wishlists = wishlists;
    }

    /** A recommended product; {@code rating} is the average (0 without reviews), {@code image} a small thumbnail. */
    public record Item(String productId, String name, Money price, double rating, long ratingCount, String image,
                       String reason) {
    }

    public List<Item> boughtTogether(String productId, int limit) {
        requirePublic(productId);
        return items(recommender.boughtTogether(productId, limit));
    }

    public List<Item> similar(String productId, int limit) {
        requirePublic(productId);
        return items(recommender.similar(productId, limit));
    }

    /** For the caller: their views and purchases, and their wishlist when {@code withWishlist} (customers). */
    public List<Item> forCustomer(String customerId, boolean withWishlist, int limit) {
        return items(recommender.forCustomer(signals.history(customerId),
                withWishlist ? wishlist() : List.of(), limit));
    }

    private List<String> wishlist() {
        try {
            WishlistClient.WishlistPage page = wishlists.wishlist(WISHLIST_SIZE);
            return page == null || page.items() == null ? List.of()
                    : page.items().stream().map(WishlistClient.Entry::productId).filter(Objects::nonNull).toList();
        } catch (RuntimeException e) {
            log.debug("wishlist unavailable, recommending without it: {}", e.toString());
            return List.of();
        }
    }

    private void requirePublic(String productId) {
        products.find(productId).filter(Product::isPublic)
                .orElseThrow(() -> NotFoundException.of("Product", productId));
    }

    private List<Item> items(List<Recommender.Recommendation> recommendations) {
        Map<String, Product> found = catalog.publicProducts(recommendations.stream()
                .map(Recommender.Recommendation::productId).toList());
        Links links = Links.current();
        List<Item> items = new ArrayList<>(recommendations.size());
        for (Recommender.Recommendation r : recommendations) {
            Product p = found.get(r.productId());
            if (p != null) { // hidden between the recommendation and this read
                items.add(new Item(p.id(), p.name(), new Money(p.minPriceMinor(), p.currency()),
                        p.rating().displayAverage(), p.rating().count(),
                        p.images().isEmpty() ? null : links.thumbnail(p.images().getFirst().imageId(), 200),
                        r.reason().code()));
            }
        }
        return items;
    }
}
