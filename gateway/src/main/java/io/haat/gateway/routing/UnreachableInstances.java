package io.haat.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Instances of a service the gateway could not connect to a moment ago (connection refused, connect timeout): a
 * process that crashed, still listed by Eureka until its lease expires (up to a minute). For {@code quarantine} after
 * the failure the load balancer chooses among the other instances ({@link ReachableInstanceListSupplier}), so that
 * the GET retried after the refusal, and every request after it, goes to a live instance instead of to the dead one
 * round-robin. An instance that is refused again after its quarantine is quarantined again; when every instance of
 * a service is in quarantine they are all tried (a single instance restarting is never locked out by this).
 */
public final class UnreachableInstances {

    private final Map<String, Long> quarantinedUntil = new ConcurrentHashMap<>();
    private final long quarantineNanos;
    private final LongSupplier nanoTime;

    public UnreachableInstances(Duration quarantine) {
        this(quarantine, System::nanoTime);
    }

    UnreachableInstances(Duration quarantine, LongSupplier nanoTime) {
        this.quarantineNanos = quarantine.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The instance at {@code uri}'s host and port refused a connection just now. */
    public void unreachable(URI uri) {
        if (uri.getHost() != null && uri.getPort() > 0 && quarantineNanos > 0) {
            quarantinedUntil.put(key(uri.getHost(), uri.getPort()), nanoTime.getAsLong() + quarantineNanos);
        }
    }

    /** {@code instances} without those in quarantine; all of them when every one is. */
    public List<ServiceInstance> reachableOf(List<ServiceInstance> instances) {
        if (quarantinedUntil.isEmpty() || instances.isEmpty()) {
            return instances;
        }
        long now = nanoTime.getAsLong();
        List<ServiceInstance> reachable = instances.stream().filter(instance -> !inQuarantine(instance, now)).toList();
        return reachable.isEmpty() ? instances : reachable;
    }

    /** {@code host:port} of the instances in quarantine now. */
    public Set<String> inQuarantine() {
        long now = nanoTime.getAsLong();
        return quarantinedUntil.entrySet().stream().filter(entry -> now - entry.getValue() < 0)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    private boolean inQuarantine(ServiceInstance instance, long now) {
        String key = key(instance.getHost(), instance.getPort());
        Long until = quarantinedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (now - until >= 0) {
            quarantinedUntil.remove(key, until);
            return false;
        }
        return true;
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
