package io.haat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class UnreachableInstancesTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final UnreachableInstances unreachable = new UnreachableInstances(Duration.ofNanos(100), now::get);
    private final ServiceInstance first = instance("catalog-1", 8082);
    private final ServiceInstance second = instance("catalog-2", 18082);

    @Test
    void anInstanceThatRefusedAConnectionIsLeftOutForItsQuarantineThenTriedAgain() {
        unreachable.unreachable(URI.create("http://10.0.0.5:18082/categories"));

        assertThat(unreachable.reachableOf(List.of(first, second))).containsExactly(first);
        assertThat(unreachable.inQuarantine()).containsExactly("10.0.0.5:18082");

        now.addAndGet(99);
        assertThat(unreachable.reachableOf(List.of(first, second))).containsExactly(first);
        now.addAndGet(1);
        assertThat(unreachable.reachableOf(List.of(first, second))).containsExactly(first, second);
        assertThat(unreachable.inQuarantine()).isEmpty();
    }

    @Test
    void whenEveryInstanceIsInQuarantineAllAreTried() {
        // a single instance restarting must not be locked out by its own refusals
        unreachable.unreachable(URI.create("http://10.0.0.5:8082/categories"));
        unreachable.unreachable(URI.create("http://10.0.0.5:18082/categories"));

        assertThat(unreachable.reachableOf(List.of(first, second))).containsExactly(first, second);
        assertThat(unreachable.reachableOf(List.of(first))).containsExactly(first);
    }

    @Test
    void anotherPortOnTheSameHostIsAnotherInstance() {
        unreachable.unreachable(URI.create("http://10.0.0.5:8082/x"));

        assertThat(unreachable.reachableOf(List.of(first, second))).containsExactly(second);
    }

    @Test
    void noQuarantineConfiguredLeavesEveryInstanceIn() {
        UnreachableInstances off = new UnreachableInstances(Duration.ZERO, now::get);
        off.unreachable(URI.create("http://10.0.0.5:8082/x"));

        assertThat(off.reachableOf(List.of(first, second))).containsExactly(first, second);
    }

    private static ServiceInstance instance(String id, int port) {
        return new DefaultServiceInstance(id, "catalog-service", "10.0.0.5", port, false);
    }
}
