package io.haat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

class ReachableInstanceListSupplierTest {

    private final AtomicLong now = new AtomicLong(5_000);
    private final ServiceInstance first = new DefaultServiceInstance("i-1", "identity-service", "10.0.0.5", 8081, false);
    private final ServiceInstance second = new DefaultServiceInstance("i-2", "identity-service", "10.0.0.6", 8081, false);
    private final UnreachableInstances unreachable = new UnreachableInstances(Duration.ofNanos(1_000), now::get);
    private final ReachableInstanceListSupplier supplier = new ReachableInstanceListSupplier(
            listing(List.of()), unreachable, Duration.ofNanos(300), now::get);

    @Test
    void aSuddenEmptyListFromDiscoveryIsBridgedByTheLastKnownInstancesForABoundedTime() {
        assertThat(supplier.choosable(List.of(first, second))).containsExactly(first, second);

        now.addAndGet(299);
        assertThat(supplier.choosable(List.of())).as("a hiccup of discovery").containsExactly(first, second);

        now.addAndGet(1);
        assertThat(supplier.choosable(List.of())).as("gone for longer than a lease: no instance").isEmpty();
    }

    @Test
    void theLastKnownInstancesStillLeaveOutThoseInQuarantine() {
        supplier.choosable(List.of(first, second));
        unreachable.unreachable(URI.create("http://10.0.0.5:8081/auth/login"));

        assertThat(supplier.choosable(List.of())).containsExactly(second);
    }

    @Test
    void nothingEverListedIsNoInstance() {
        assertThat(supplier.choosable(List.of())).isEmpty();
    }

    @Test
    void theListDiscoveryGivesIsFilteredOnEveryChoice() {
        ReachableInstanceListSupplier filtered = new ReachableInstanceListSupplier(listing(List.of(first, second)), unreachable,
                Duration.ofSeconds(30), now::get);
        unreachable.unreachable(URI.create("http://10.0.0.6:8081/x"));

        assertThat(filtered.get().blockFirst()).containsExactly(first);
    }

    private static ServiceInstanceListSupplier listing(List<ServiceInstance> instances) {
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "identity-service";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(instances);
            }
        };
    }
}
