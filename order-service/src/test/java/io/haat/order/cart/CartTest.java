package io.haat.order.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.catalog.ProductStatus;
import io.haat.order.catalog.Offer;
import io.haat.platform.domain.Transition;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.UnprocessableException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cart's rules: quantity and line limits, stock at add time, no-ops, and the merge of a guest cart. */
class CartTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Money PRICE = new Money(1_500, "NPR");

    private static Offer offer(String product, String sku, int available) {
        return new Offer(product, sku, "store-1", "seller-1", "Tea " + sku, ProductStatus.ACTIVE, PRICE, available);
    }

    private static Cart customerCart() {
        return Cart.empty(UUID.randomUUID(), UUID.randomUUID(), T0);
    }

    @Test
    void addingMakesALineAtTodaysPriceAndAddingAgainSumsTheQuantity() {
        Cart cart = customerCart();
        Transition<Cart> first = cart.add(offer("p1", "S", 10), 2, UUID::randomUUID, T1);
        assertThat(first.changed()).isTrue();
        assertThat(first.events()).isEmpty();
        assertThat(first.state().version()).isEqualTo(1);
        assertThat(first.state().lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.priceWhenAdded()).isEqualTo(PRICE);
            assertThat(line.addedAt()).isEqualTo(T1);
        });
        Offer dearer = new Offer("p1", "S", "store-1", "seller-1", "Tea", ProductStatus.ACTIVE, new Money(1_800, "NPR"), 10);
        Cart again = first.state().add(dearer, 3, UUID::randomUUID, T1).state();
        assertThat(again.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(5);
            assertThat(line.id()).isEqualTo(first.state().lines().getFirst().id());
            assertThat(line.priceWhenAdded()).isEqualTo(new Money(1_800, "NPR"));
        });
        assertThat(again.version()).isEqualTo(2);
    }

    @Test
    void quantityOutsideOneTo99IsAFieldError() {
        Cart cart = customerCart();
        for (int bad : new int[] {0, -1, 100}) {
            assertThatThrownBy(() -> cart.add(offer("p1", "S", 500), bad, UUID::randomUUID, T1))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).errors().getFirst().field())
                            .isEqualTo("quantity"));
        }
    }

    @Test
    void aLineNeverHoldsMoreThan99NorMoreThanIsAvailable() {
        Cart cart = customerCart().add(offer("p1", "S", 500), 90, UUID::randomUUID, T1).state();
        assertThatThrownBy(() -> cart.add(offer("p1", "S", 500), 10, UUID::randomUUID, T1))
                .isInstanceOf(UnprocessableException.class)
                .satisfies(e -> assertThat(((UnprocessableException) e).type().toString()).endsWith("cart-quantity-limit"));
        assertThatThrownBy(() -> customerCart().add(offer("p1", "S", 3), 4, UUID::randomUUID, T1))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).properties()).containsEntry("available", 3));
        assertThatThrownBy(() -> customerCart().add(offer("p1", "S", 0), 1, UUID::randomUUID, T1))
                .isInstanceOf(ConflictException.class).hasMessageContaining("out of stock");
    }

    @Test
    void aProductNotOnSaleCannotBeAdded() {
        Offer archived = new Offer("p1", "S", "store-1", "seller-1", "Tea", ProductStatus.ARCHIVED, PRICE, 10);
        assertThatThrownBy(() -> customerCart().add(archived, 1, UUID::randomUUID, T1))
                .isInstanceOf(UnprocessableException.class)
                .satisfies(e -> assertThat(((UnprocessableException) e).type().toString()).endsWith("product-unavailable"));
    }

    @Test
    void theHundredAndFirstLineIsRefused() {
        Cart cart = customerCart();
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            cart = cart.add(offer("p" + i, "S", 5), 1, UUID::randomUUID, T1).state();
        }
        Cart full = cart;
        assertThat(full.lines()).hasSize(100);
        assertThatThrownBy(() -> full.add(offer("p-new", "S", 5), 1, UUID::randomUUID, T1))
                .isInstanceOf(UnprocessableException.class)
                .satisfies(e -> assertThat(((UnprocessableException) e).type().toString()).endsWith("cart-line-limit"));
        // more of a line already there is still fine
        assertThat(full.add(offer("p0", "S", 5), 1, UUID::randomUUID, T1).state().lines()).hasSize(100);
    }

    @Test
    void changingQuantityChecksStockOnlyWhenItGrows() {
        Cart cart = customerCart().add(offer("p1", "S", 5), 5, UUID::randomUUID, T1).state();
        UUID line = cart.lines().getFirst().id();
        // stock fell to 2 since: going down is allowed, going up is not
        assertThat(cart.changeQuantity(line, 3, offer("p1", "S", 2), T1).state().lines().getFirst().quantity())
                .isEqualTo(3);
        assertThatThrownBy(() -> cart.changeQuantity(line, 6, offer("p1", "S", 2), T1))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cart.changeQuantity(line, 6, null, T1)).isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> cart.changeQuantity(line, 0, offer("p1", "S", 9), T1))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> cart.changeQuantity(UUID.randomUUID(), 1, offer("p1", "S", 9), T1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void alreadyThereIsANoOpOnTheSameInstance() {
        Cart cart = customerCart().add(offer("p1", "S", 5), 2, UUID::randomUUID, T1).state();
        UUID line = cart.lines().getFirst().id();
        Transition<Cart> same = cart.changeQuantity(line, 2, offer("p1", "S", 0), T1);
        assertThat(same.changed()).isFalse();
        assertThat(same.state()).isSameAs(cart);
        assertThat(cart.remove(UUID.randomUUID(), T1).state()).isSameAs(cart);
        assertThat(cart.remove(UUID.randomUUID(), T1).changed()).isFalse();
        Cart empty = customerCart();
        assertThat(empty.clear(T1).changed()).isFalse();
        assertThat(empty.clear(T1).state()).isSameAs(empty);
        assertThat(cart.remove(line, T1).state().lines()).isEmpty();
        assertThat(cart.clear(T1).state().lines()).isEmpty();
        assertThat(cart.clear(T1).state().version()).isEqualTo(cart.version() + 1);
    }

    @Test
    void mergingSumsQuantitiesWithinTheLimitsAndKeepsUnsellableLines() {
        Cart customer = customerCart()
                .add(offer("p1", "S", 10), 4, UUID::randomUUID, T0).state()
                .add(offer("p2", "S", 60), 50, UUID::randomUUID, T0).state();
        Cart guest = Cart.empty(UUID.randomUUID(), null, T0)
                .add(offer("p1", "S", 10), 3, UUID::randomUUID, T0).state()    // 4 + 3 = 7 ≤ 10
                .add(offer("p2", "S", 60), 50, UUID::randomUUID, T0).state()   // 100 → capped at 60 available
                .add(offer("p3", "S", 9), 9, UUID::randomUUID, T0).state()     // stock gone since: kept, flagged later
                .add(offer("p4", "S", 9), 8, UUID::randomUUID, T0).state();    // only 5 left → 5
        Map<io.haat.order.catalog.ProductVariantKey, Offer> now = Map.of(
                new io.haat.order.catalog.ProductVariantKey("p1", "S"), offer("p1", "S", 10),
                new io.haat.order.catalog.ProductVariantKey("p2", "S"), offer("p2", "S", 60),
                new io.haat.order.catalog.ProductVariantKey("p3", "S"), offer("p3", "S", 0),
                new io.haat.order.catalog.ProductVariantKey("p4", "S"), offer("p4", "S", 5));
        Cart merged = customer.merge(guest, now, UUID::randomUUID, T1).state();
        assertThat(merged.lines()).extracting(CartLine::productId, CartLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", 7), org.assertj.core.groups.Tuple.tuple("p2", 60),
                        org.assertj.core.groups.Tuple.tuple("p3", 9), org.assertj.core.groups.Tuple.tuple("p4", 5));
        assertThat(merged.customerId()).isEqualTo(customer.customerId());
        assertThat(merged.lines()).extracting(CartLine::id).doesNotContainAnyElementsOf(
                guest.lines().stream().map(CartLine::id).toList());
        assertThat(merged.version()).isEqualTo(customer.version() + 1);
    }

    @Test
    void mergingNeverLowersWhatTheCustomerHadNorGoesPast99Or100Lines() {
        Cart customer = customerCart().add(offer("p1", "S", 80), 80, UUID::randomUUID, T0).state();
        for (int i = 0; i < 99; i++) {
            customer = customer.add(offer("c" + i, "S", 5), 1, UUID::randomUUID, T0).state();
        }
        Cart guest = Cart.empty(UUID.randomUUID(), null, T0)
                .add(offer("p1", "S", 99), 30, UUID::randomUUID, T0).state()
                .add(offer("g1", "S", 5), 1, UUID::randomUUID, T0).state();
        Map<io.haat.order.catalog.ProductVariantKey, Offer> now = Map.of(
                new io.haat.order.catalog.ProductVariantKey("p1", "S"), offer("p1", "S", 40)); // stock fell below 80
        Cart merged = customer.merge(guest, now, UUID::randomUUID, T1).state();
        assertThat(merged.lines()).hasSize(100);
        assertThat(merged.line(new io.haat.order.catalog.ProductVariantKey("p1", "S")).orElseThrow().quantity())
                .isEqualTo(80);
        assertThat(merged.line(new io.haat.order.catalog.ProductVariantKey("g1", "S"))).isEmpty();
        assertThat(customer.merge(Cart.empty(UUID.randomUUID(), null, T0), now, UUID::randomUUID, T1).state()).isSameAs(customer);
    }
}
