package io.haat.catalog.product;

import io.haat.catalog.category.CategoryService;
import io.haat.catalog.store.StoreDirectory;
import io.haat.catalog.store.StoreVisibilityChanged;
import io.haat.catalog.support.AuditTrail;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.mongo.PendingEvent;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.ForbiddenException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.Versions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Products through their life: sellers create them in their stores and edit, submit, archive or delete them;
 * admins approve, reject, ban and unban. The {@link Product} decides each transition; every change writes its
 * {@code catalog.product} snapshot and its audit record in the same document write. A request for the status the
 * product already has (approving an active product, banning a banned one, …) writes nothing and answers with the
 * product as it is.
 */
@Service
public class ProductService {

    private final ProductRepository products;
    private final StoreDirectory stores;
    private final CategoryService categories;
    private final ProductEvents events;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    public ProductService(ProductRepository products, StoreDirectory stores, CategoryService categories,
                          ProductEvents events, AuditTrail audit, Clock clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.products = products;
        this.stores = stores;
        this.categories = categories;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Product create(Actor seller, String storeId, ProductRequest request) {
        var selling = stores.requireSellable(storeId, seller.id());
        // a soft cap: concurrent creates may pass it by a few, never by an unbounded number
        if (products.countInStore(storeId) >= Product.MAX_PER_STORE) {
            throw new ConflictException("too-many-products", "Too many products",
                    "A store holds at most " + Product.MAX_PER_STORE + " products; delete some first.");
        }
        ProductContent content = request.toContent();
        requireCategory(content);
        Transition<Product> created = Product.create(storeId, selling.seller().id(), seller.id(), content,
                !Boolean.TRUE.equals(request.draft()), stores.isPubliclyVisible(selling.store()), clock.instant());
        Product product = created.state();
        List<PendingEvent> pending = new ArrayList<>(events.of(created));
        pending.add(audit.event(seller, "product.create", "product", product.id(), null, product.snapshot()));
        products.insert(product, pending);
        return products.require(product.id());
    }

    /**
     * Replaces the content. {@code expectedVersion} (from {@code If-Match} or the body's {@code version}) is
     * 412 when stale; without it, a concurrent write still fails with 409.
     */
    public Product edit(Actor seller, String productId, ProductRequest request, Long expectedVersion) {
        Product before = requireEditable(seller, productId);
        Versions.requireCurrent("The product", expectedVersion, before.currentVersion());
        ProductContent content = request.toContent();
        if (!content.categoryId().equals(before.categoryId())) {
            requireCategory(content);
        }
        return save(seller, "product.update", before, before.edit(content, clock.instant()));
    }

    public Product submit(Actor seller, String productId) {
        Product before = requireEditable(seller, productId);
        return save(seller, "product.submit", before, before.submit(clock.instant()));
    }

    public Product archive(Actor actor, String productId) {
        Product before = actor.isAdmin() ? products.require(productId) : requireEditable(actor, productId);
        return save(actor, "product.archive", before, before.archive(clock.instant()));
    }

    /** Deletes the product (final); its image files are purged after the product is stored as deleted. */
    public void delete(Actor seller, String productId) {
        Product before = requireOwned(seller, productId);
        Transition<Product> deleted = before.delete(clock.instant());
        save(seller, "product.delete", before, deleted);
        if (deleted.changed()) {
            publisher.publishEvent(new ProductDeleted(productId));
        }
    }

    public Product approve(Actor admin, String productId) {
        return moderate(admin, productId, "product.approve", p -> p.approve(clock.instant()));
    }

    public Product reject(Actor admin, String productId, String reason) {
        return moderate(admin, productId, "product.reject", p -> p.reject(reason, clock.instant()));
    }

    public Product ban(Actor admin, String productId, String reason) {
        return moderate(admin, productId, "product.ban", p -> p.ban(reason, clock.instant()));
    }

    public Product unban(Actor admin, String productId) {
        return moderate(admin, productId, "product.unban", p -> p.unban(clock.instant()));
    }

    /** The product as the caller may see it: public ones for anyone, others for their owner and admins only. */
    public Product view(String productId, String userId, boolean admin) {
        Product product = products.require(productId);
        if (product.isPublic() || admin || product.isOwnedBy(userId)) {
            return product;
        }
        throw NotFoundException.of("Product", productId);
    }

    /** A product of the caller's; someone else's is "not found" (its existence is not revealed). */
    public Product requireOwned(Actor seller, String productId) {
        Product product = products.require(productId);
        if (!product.isOwnedBy(seller.id())) {
            throw NotFoundException.of("Product", productId);
        }
        return product;
    }

    @EventListener
    void onStoreVisibility(StoreVisibilityChanged changed) {
        products.setStoreVisibility(changed.storeId(), changed.visible());
    }

    /** A product of the caller's that they may change: 404 if someone else's, 403 if their seller account is banned. */
    public Product requireEditable(Actor seller, String productId) {
        Product product = requireOwned(seller, productId);
        var owned = stores.requireOwned(product.storeId(), seller.id());
        if (owned.seller().isBanned()) {
            throw new ForbiddenException("seller-banned", "Seller banned", "Your seller account is banned.");
        }
        return product;
    }

    private Product moderate(Actor admin, String productId, String action,
                             Function<Product, Transition<Product>> transition) {
        Product before = products.require(productId);
        return save(admin, action, before, transition.apply(before));
    }

    /**
     * Load, call, save: writes a changed product over the one loaded (if it still has that version), with its
     * events and audit record in the same document write. Already there: nothing is written, {@code before} is the
     * answer.
     */
    private Product save(Actor actor, String action, Product before, Transition<Product> transition) {
        if (!transition.changed()) {
            return before;
        }
        Product after = transition.state();
        List<PendingEvent> pending = new ArrayList<>(events.of(transition));
        pending.add(audit.event(actor, action, "product", before.id(), before.snapshot(), after.snapshot()));
        return products.update(before, after, pending);
    }

    private void requireCategory(ProductContent content) {
        if (!categories.exists(content.categoryId())) {
            throw new InvalidRequestException("categoryId", "is not an existing category");
        }
    }
}
