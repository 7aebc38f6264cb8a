package io.haat.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances discovery lists (cached), without those {@link UnreachableInstances} holds in quarantine.
 *
 * <p>When discovery suddenly lists none, the instances it listed last are used for up to {@code lastKnownFor}:
 * Spring Cloud LoadBalancer turns an error or a timeout of the discovery client into an empty list, and Eureka's
 * client filters out every instance not UP in its last fetch, so a hiccup of either answers "no instance" (503) for
 * a whole fetch interval: the likely cause, not reproduced, of the ~5 s of "no instance" seen once for
 * identity-service under a burst of 400 logins. An instance really gone
 * refuses the connection and is answered like one that is down; after {@code lastKnownFor} (the Eureka lease), no
 * instance is no instance.
 */
final class ReachableInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

    private final UnreachableInstances unreachable;
    private final long lastKnownForNanos;
    private final LongSupplier nanoTime;
    private volatile List<ServiceInstance> lastKnown = List.of();
    private volatile long lastKnownAt;

    ReachableInstanceListSupplier(ServiceInstanceListSupplier delegate, UnreachableInstances unreachable,
                                  Duration lastKnownFor) {
        this(delegate, unreachable, lastKnownFor, System::nanoTime);
    }

    ReachableInstanceListSupplier(ServiceInstanceListSupplier delegate, UnreachableInstances unreachable,
                                  Duration lastKnownFor, LongSupplier nanoTime) {
        super(delegate);
        this.unreachable = unreachable;
        this.lastKnownForNanos = lastKnownFor.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get().map(this::choosable);
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        return delegate.get(request).map(this::choosable);
    }

    List<ServiceInstance> choosable(List<ServiceInstance> listed) {
        long now = nanoTime.getAsLong();
        if (!listed.isEmpty()) {
            lastKnown = listed;
            lastKnownAt = now;
            return unreachable.reachableOf(listed);
        }
        List<ServiceInstance> known = lastKnown;
        if (!known.isEmpty() && now - lastKnownAt < lastKnownForNanos) {
            return unreachable.reachableOf(known);
        }
        return listed;
    }
}
