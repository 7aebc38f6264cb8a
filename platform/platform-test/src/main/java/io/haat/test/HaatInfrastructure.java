package io.haat.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The JVM-wide test infrastructure: PostgreSQL, Kafka, MongoDB and a JWT issuer. Each part starts lazily on
 * first use, once per JVM, in parallel with the others requested at the same time, and stops in a JVM
 * shutdown hook after the Spring test contexts that use it.
 */
public final class HaatInfrastructure {

    /** Switches PostgreSQL, Kafka and MongoDB to Testcontainers (Docker required). */
    public static final String CONTAINERS_PROPERTY = "haat.test.containers";

    /** The startable parts. */
    public enum Part { POSTGRES, KAFKA, MONGO, JWT }

    private static final class Holder {
        static final HaatInfrastructure INSTANCE = new HaatInfrastructure();
    }

    private final boolean containers = containersMode();
    private final Map<Part, CompletableFuture<Started>> parts = new ConcurrentHashMap<>();
    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();
    private volatile Backend backend;

    private HaatInfrastructure() {
        Thread hook = new Thread(this::shutdown, "haat-test-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static HaatInfrastructure get() {
        return Holder.INSTANCE;
    }

    /** True when {@code -Dhaat.test.containers=true}. */
    public static boolean containersMode() {
        return Boolean.getBoolean(CONTAINERS_PROPERTY);
    }

    /** Starts the given parts (those not yet running) in parallel and waits until all are ready. */
    public void start(Part... wanted) {
        start(wanted.length == 0 ? EnumSet.noneOf(Part.class) : EnumSet.of(wanted[0], wanted));
    }

    /** Starts the given parts (those not yet running) in parallel and waits until all are ready. */
    public void start(Set<Part> wanted) {
        long begin = System.nanoTime();
        Map<Part, CompletableFuture<Started>> launched = new EnumMap<>(Part.class);
        for (Part part : wanted) {
            parts.computeIfAbsent(part, p -> {
                CompletableFuture<Started> future = launch(p);
                launched.put(p, future);
                return future;
            });
        }
        for (Part part : wanted) {
            await(part);
        }
        if (!launched.isEmpty()) {
            StringJoiner each = new StringJoiner(", ", " (", ")");
            launched.forEach((part, future) -> each.add(label(part) + " " + seconds(future.join().nanos())));
            System.out.println("[haat-test] infrastructure ready in " + seconds(System.nanoTime() - begin)
                    + each + (containers ? " [testcontainers]" : ""));
        }
    }

    /** PostgreSQL; use {@link TestPostgres#createDatabase(String)} for a database of your own. */
    public TestPostgres postgres() {
        return (TestPostgres) value(Part.POSTGRES);
    }

    public String kafkaBootstrapServers() {
        return (String) value(Part.KAFKA);
    }

    /** {@code mongodb://host:port}, without a database name. */
    public String mongoConnectionString() {
        return (String) value(Part.MONGO);
    }

    public TestJwts jwt() {
        return (TestJwts) value(Part.JWT);
    }

    /** Closes the context at JVM shutdown before the infrastructure it talks to goes away. */
    void track(ConfigurableApplicationContext context) {
        contexts.removeIf(ConfigurableApplicationContext::isClosed); // e.g. dropped by @DirtiesContext
        contexts.add(context);
    }

    private Object value(Part part) {
        CompletableFuture<Started> future = parts.get(part);
        if (future == null || !future.isDone()) {
            start(part);
        }
        return await(part).value();
    }

    private Started await(Part part) {
        try {
            return parts.get(part).join();
        }
        catch (CompletionException ex) {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof TestAbortedException aborted) {
                throw aborted;
            }
            throw new IllegalStateException("[haat-test] " + label(part) + " failed to start", cause);
        }
    }

    private CompletableFuture<Started> launch(Part part) {
        CompletableFuture<Started> future = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("haat-test-start-" + label(part)).start(() -> {
            long begin = System.nanoTime();
            try {
                Running<?> running = startPart(part);
                long took = System.nanoTime() - begin;
                System.out.println("[haat-test] " + label(part) + " ready in " + seconds(took) + ": "
                        + describe(running.value()));
                future.complete(new Started(running.value(), running.stop(), took));
            }
            catch (Throwable ex) {
                future.completeExceptionally(ex);
            }
        });
        return future;
    }

    private Running<?> startPart(Part part) throws Exception {
        QuietLogs.apply();
        if (part == Part.JWT) {
            TestJwts jwts = TestJwts.start();
            return new Running<>(jwts, jwts);
        }
        Backend source = backend();
        return switch (part) {
            case POSTGRES -> source.startPostgres();
            case KAFKA -> source.startKafka();
            case MONGO -> source.startMongo();
            case JWT -> throw new IllegalArgumentException(part.name());
        };
    }

    private synchronized Backend backend() {
        if (backend == null) {
            if (containers && !ContainerBackend.dockerAvailable()) {
                throw new TestAbortedException("-D" + CONTAINERS_PROPERTY + "=true but Docker is not available");
            }
            backend = containers ? new ContainerBackend() : new EmbeddedBackend();
        }
        return backend;
    }

    private void shutdown() {
        List<ConfigurableApplicationContext> open = new ArrayList<>(contexts);
        Collections.reverse(open);
        for (ConfigurableApplicationContext context : open) {
            try {
                context.close(); // idempotent; waits if Spring's own hook is closing it right now
            }
            catch (RuntimeException ex) {
                // the JVM is going down anyway: stopping the infrastructure matters more
            }
        }
        List<Thread> stoppers = new ArrayList<>();
        parts.forEach((part, future) -> stoppers.add(Thread.ofPlatform().name("haat-test-stop-" + label(part))
                .start(() -> stop(future))));
        for (Thread stopper : stoppers) {
            try {
                stopper.join(TimeUnit.SECONDS.toMillis(30));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void stop(CompletableFuture<Started> future) {
        try {
            future.get(30, TimeUnit.SECONDS).stop().close();
        }
        catch (Exception ex) {
            // failed to start or to stop: nothing more to do at JVM exit
        }
    }

    private static String describe(Object value) {
        return switch (value) {
            case TestPostgres postgres -> "postgresql://" + postgres.host() + ":" + postgres.port();
            case TestJwts jwts -> jwts.issuer();
            default -> String.valueOf(value);
        };
    }

    private static String label(Part part) {
        return part.name().toLowerCase(Locale.ROOT);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private record Started(Object value, AutoCloseable stop, long nanos) {
    }

}
