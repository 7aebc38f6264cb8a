package io.haat.notification.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.support.NotificationApiTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What never changes once known (an order's customer and stores, a seller's user, a store's seller) is answered from
 * memory after the first time; what can change (a store's name) and what is not known yet are always asked again.
 */
class DirectoryTest extends NotificationApiTest {

    @Autowired
    Directory directory;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anOrdersCustomerAndStoresAreRememberedFromOrderPlaced() {
        String orderId = "order-" + UUID.randomUUID();
        List<Directory.OrderStore> stores = List.of(new Directory.OrderStore("store-1", "seller-1"));
        directory.order(orderId, "customer-1", stores);
        mongo.remove(byId(orderId), Directory.ORDERS); // the database no longer has it: memory answers

        assertThat(directory.customerOf(orderId)).contains("customer-1");
        assertThat(directory.storesOf(orderId)).isEqualTo(stores);
    }

    @Test
    void aSellersUserAndAStoresSellerAreRememberedOnceFoundButNotAStoresName() {
        String sellerId = "seller-" + UUID.randomUUID();
        String storeId = "store-" + UUID.randomUUID();
        assertThat(directory.userOfSeller(sellerId)).as("not known yet").isEmpty();
        directory.seller(sellerId, "user-1", "Seller", 1);
        directory.store(storeId, sellerId, "Old name", 1);
        assertThat(directory.userOfSeller(sellerId)).as("not-known-yet is not remembered").contains("user-1");
        assertThat(directory.userOfStore(storeId)).contains("user-1");

        mongo.remove(byId(sellerId), Directory.SELLERS);
        directory.store(storeId, sellerId, "New name", 2);
        mongo.updateFirst(byId(storeId), new org.springframework.data.mongodb.core.query.Update()
                .set("sellerId", "someone-else"), Directory.STORES);

        assertThat(directory.userOfSeller(sellerId)).contains("user-1");
        assertThat(directory.sellerOfStore(storeId)).contains(sellerId);
        assertThat(directory.storeName(storeId)).as("a name can change: always read").contains("New name");
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
