package io.haat.seller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.seller.StoreChanged;
import io.haat.platform.domain.Transition;
import io.haat.seller.TransitionOutcomes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Slugs, and the store's transition table: legal → new state and its event; illegal → refused; already there → no-op. */
class StoreTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static Store active() {
        return Store.open(SELLER, "Shop", "shop", null, NOW).state();
    }

    private static Store in(StoreStatus status) {
        return switch (status) {
            case ACTIVE -> active();
            case SUSPENDED -> active().suspend(NOW).state();
            case CLOSED -> active().close(NOW).state();
        };
    }

    @Test
    void slugsAreMadeFromNames() {
        assertThat(Store.slugOf("Kathmandu Tea & Spice Co.")).isEqualTo("kathmandu-tea-spice-co");
        assertThat(Store.slugOf("  Café Crème  ")).isEqualTo("cafe-creme");
        assertThat(Store.slugOf("नमस्ते")).isEmpty();
        assertThat(Store.slugOf("a".repeat(100))).hasSize(60);
    }

    @Test
    void aNewStoreIsActiveAtVersionZeroAndAnnounced() {
        Transition<Store> opened = Store.open(SELLER, "Shop", "shop", "Tea", NOW);
        assertThat(opened.state().status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(opened.state().version()).isZero();
        assertThat(opened.events()).containsExactly(new StoreChanged(opened.state().id().toString(), SELLER.toString(),
                "Shop", "shop", io.haat.events.seller.StoreStatus.ACTIVE));
    }

    @Test
    void aSuspendedStoreIsHiddenAndAnEditAnnouncesTheNewName() {
        Store suspended = in(StoreStatus.SUSPENDED);
        assertThat(suspended.isVisibleToPublic()).isFalse();
        assertThat(suspended.version()).isEqualTo(1);

        Transition<Store> edited = suspended.edit("Better Shop", "better-shop", "Tea", LATER);
        assertThat(edited.state().status()).isEqualTo(StoreStatus.SUSPENDED);
        assertThat(edited.state().updatedAt()).isEqualTo(LATER);
        assertThat(edited.state().version()).isEqualTo(2);
        assertThat(edited.events()).containsExactly(new StoreChanged(suspended.id().toString(), SELLER.toString(),
                "Better Shop", "better-shop", io.haat.events.seller.StoreStatus.SUSPENDED));
    }

    /** Each action from each status: the new status, "no-op" or "refused". */
    @ParameterizedTest
    @EnumSource(StoreStatus.class)
    void transitionTable(StoreStatus from) {
        String[] expected = switch (from) {
            //                    edit         suspend      reinstate  close
            case ACTIVE -> new String[] {"ACTIVE", "SUSPENDED", "no-op", "CLOSED"};
            case SUSPENDED -> new String[] {"SUSPENDED", "no-op", "ACTIVE", "CLOSED"};
            case CLOSED -> new String[] {"refused", "no-op", "no-op", "no-op"};
        };
        List<Function<Store, Transition<Store>>> actions = List.of(
                s -> s.edit("New", "new", null, LATER), s -> s.suspend(LATER), s -> s.reinstate(LATER),
                s -> s.close(LATER));
        for (int i = 0; i < actions.size(); i++) {
            assertThat(outcome(in(from), actions.get(i))).as(from + " action " + i).isEqualTo(expected[i]);
        }
    }

    private static String outcome(Store before, Function<Store, Transition<Store>> action) {
        return TransitionOutcomes.outcome(before, action, "store", Store::status, Store::version,
                t -> {
            assertThat(t.state().updatedAt()).isEqualTo(LATER);
            assertThat(t.events()).singleElement().isInstanceOfSatisfying(StoreChanged.class,
                    e -> assertThat(e.status().name()).isEqualTo(t.state().status().name()));
        });
    }
}
