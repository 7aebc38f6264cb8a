package io.haat.seller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.platform.web.ConflictException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void slugsAreMadeFromNames() {
        assertThat(Store.slugOf("Kathmandu Tea & Spice Co.")).isEqualTo("kathmandu-tea-spice-co");
        assertThat(Store.slugOf("  Café Crème  ")).isEqualTo("cafe-creme");
        assertThat(Store.slugOf("नमस्ते")).isEmpty();
        assertThat(Store.slugOf("a".repeat(100))).hasSize(60);
    }

    @Test
    void suspensionAndReinstatementOnlyAffectTheMatchingStatus() {
        Store store = Store.open(UUID.randomUUID(), "Shop", "shop", null, NOW);
        Store suspended = store.suspend(NOW);
        assertThat(suspended.status()).isEqualTo(StoreStatus.SUSPENDED);
        assertThat(suspended.isVisibleToPublic()).isFalse();
        assertThat(suspended.suspend(NOW)).isSameAs(suspended);
        assertThat(suspended.reinstate(NOW).status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(store.reinstate(NOW)).isSameAs(store);

        Store closed = store.close(NOW);
        assertThat(closed.suspend(NOW)).isSameAs(closed);
        assertThatThrownBy(() -> closed.edit("x", "x", null, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> closed.close(NOW)).isInstanceOf(ConflictException.class);
    }
}
