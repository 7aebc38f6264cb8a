package io.haat.order.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import io.haat.order.OrderIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The copies of stores and sellers: newer versions win, duplicates and stale events change nothing. */
class StoreCopiesTest extends OrderIntegrationTest {

    @Autowired
    StoreCopies stores;

    @Test
    void aStoreBelongsToTheUserOfItsSellerAndSellsWhileBothAreActive() {
        User owner = user("SELLER");
        String storeId = storeOf(owner);

        StoreInfo store = stores.find(storeId).orElseThrow();
        assertThat(store.ownedBy(owner.id())).isTrue();
        assertThat(store.ownedBy(UUID.randomUUID().toString())).isFalse();
        assertThat(store.selling()).isTrue();
    }

    @Test
    void theLinesOfASuspendedStoreAreFlaggedAndCannotBeAdded() {
        User owner = user("SELLER");
        String storeId = storeOf(owner);
        String sellerId = stores.find(storeId).orElseThrow().sellerId();
        Product tea = onSaleIn(storeId, "Suspended tea", "ST-1", 1_000, 5);
        User customer = customer();
        ok(addToCart(customer.token(), null, tea, "ST-1", 1));

        deliverSellerEvent(EventEnvelope.of(new StoreChanged(storeId, sellerId, "Tea", "tea", StoreStatus.SUSPENDED),
                2, clock.instant()));

        assertThat(line(ok(cart(customer.token(), null)).body(), tea.id()).path("flags").toString())
                .contains("UNAVAILABLE");
        assertProblem(addToCart(customer.token(), null, tea, "ST-1", 1), 422, "product-unavailable", null);
    }

    @Test
    void staleAndDuplicateEventsChangeNothing() {
        String storeId = UUID.randomUUID().toString();
        String sellerId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        EventEnvelope<StoreChanged> suspended = EventEnvelope.of(
                new StoreChanged(storeId, sellerId, "Tea", "tea", StoreStatus.SUSPENDED), 2, clock.instant());

        assertThat(deliverSellerEvent(suspended)).isTrue();
        assertThat(deliverSellerEvent(suspended)).as("the same event again").isFalse();
        deliverSellerEvent(EventEnvelope.of(new StoreChanged(storeId, sellerId, "Tea", "tea", StoreStatus.ACTIVE), 1,
                clock.instant()));
        deliverSellerEvent(EventEnvelope.of(new SellerStatusChanged(sellerId, userId, "Tea Co", SellerStatus.BANNED,
                "fraud"), 3, clock.instant()));
        deliverSellerEvent(EventEnvelope.of(new SellerStatusChanged(sellerId, userId, "Tea Co",
                SellerStatus.APPROVED, null), 2, clock.instant()));

        StoreInfo store = stores.find(storeId).orElseThrow();
        assertThat(store.status()).as("the older ACTIVE arrived late").isEqualTo(StoreStatus.SUSPENDED);
        assertThat(store.sellerStatus()).isEqualTo(SellerStatus.BANNED);
        assertThat(store.ownedBy(userId)).isTrue();
        assertThat(store.selling()).isFalse();
    }
}
