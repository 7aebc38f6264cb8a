package io.haat.seller.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.seller.SellerIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One account cannot grow the tables without end: stores per seller and SKUs per store are capped (409). */
class SellerLimitsTest extends SellerIntegrationTest {

    @Test
    void aSellerOpensAtMostTenStoresAndClosingOneFreesItsPlace() {
        SellerAccount seller = approvedSeller();
        String first = createStore(seller, "Store 1");
        for (int i = 2; i <= 10; i++) {
            createStore(seller, "Store " + i);
        }

        Response refused = post("/stores", seller.token(), Map.of("name", "Store 11"));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.problemType()).endsWith("/store-limit-reached");
        assertThat(refused.body().path("limit").asInt()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM store WHERE seller_id = ?::uuid").param(seller.sellerId())
                .query(Integer.class).single()).isEqualTo(10);

        assertThat(delete("/stores/" + first, seller.token()).status()).isEqualTo(204);
        createStore(seller, "Store 11");
    }

    @Test
    void aStoreHoldsAtMostFiveThousandSkusButExistingOnesStayWritable() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Bulk " + UUID.randomUUID().toString().substring(0, 6));
        jdbc.sql("""
                INSERT INTO inventory_item (store_id, sku, quantity, reserved, low_stock_threshold, low_stock)
                SELECT ?::uuid, 'BULK-' || g, 0, 0, 0, true FROM generate_series(1, 5000) g""")
                .param(storeId).update();

        Response refused = put("/stores/" + storeId + "/inventory/NEW-SKU", seller.token(), Map.of("quantity", 3));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.problemType()).endsWith("/inventory-limit-reached");
        assertThat(jdbc.sql("SELECT count(*) FROM inventory_item WHERE store_id = ?::uuid AND sku = 'NEW-SKU'")
                .param(storeId).query(Integer.class).single()).isZero();
        setStock(seller, storeId, "BULK-17", 4, 1);
    }
}
