package io.haat.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole marketplace on this machine: infrastructure, Keycloak, discovery, gateway and services, each an OS
 * process of its own. Used by {@code ./run.sh} (through {@link Launcher}) and by the e2e tests, in their own JVM:
 * <pre>{@code
 * try (LocalMarketplace haat = LocalMarketplace.start(repoRoot, Options.defaults())) {
 *     http.get(haat.gatewayUrl() + "/api/v1/...");
 * }
 * }</pre>
 */
public final class LocalMarketplace implements AutoCloseable {

    public static final String GATEWAY_URL = "http://localhost:8080";

    /** What seeding the demo data goes through. */
    private static final List<String> DEMO_DATA_NEEDS = List.of("gateway", "identity-service", "seller-service", "catalog-service",
            "order-service");

    private final ProcessLauncher launcher;
    private final Lineup lineup;
    private final boolean owned;
    private final PrintStream out;
    private final Options options;
    private final List<String> failed = new ArrayList<>();
    /** Second instances started by {@link #startSecondInstance}: killed, restarted and stopped like the others. */
    private final List<Part> secondInstances = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread shutdownHook;

    private LocalMarketplace(ProcessLauncher launcher, Lineup lineup, boolean owned, Options options) {
        this.launcher = launcher;
        this.lineup = lineup;
        this.owned = owned;
        this.options = options;
        this.out = options.out();
    }

    /**
     * Starts every part and returns once all are ready and the demo data is seeded (or a warning says why not). Fails with a
     * {@link PortsTakenException} naming the ports when one is already taken (nothing is started then), and with a
     * {@link PartFailedException} when a part does not become ready (what was started is stopped again).
     */
    public static LocalMarketplace start(Path repoRoot, Options options) {
        long began = System.nanoTime();
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repoRoot));
        Lineup lineup = Lineup.of(launcher, options);
        List<Part.Port> busy = PortCheck.busy(lineup.ports());
        if (!busy.isEmpty()) {
            throw new PortsTakenException(PortCheck.message(busy));
        }
        launcher.workspace().createDirectories();
        LocalMarketplace marketplace = new LocalMarketplace(launcher, lineup, true, options);
        marketplace.shutdownHook = new Thread(marketplace::stop, "haat-local-stop");
        Runtime.getRuntime().addShutdownHook(marketplace.shutdownHook);
        PrintStream out = options.out();
        out.println("Starting Haat from " + launcher.workspace().repoRoot() + " (logs in .haat/logs)");
        for (SpringServicePart missing : lineup.missingJars()) {
            out.printf("  %-22s skipped: %s%n", missing.name(), missing.missingJarMessage());
        }
        try {
            marketplace.startWave(lineup.firstWave(), List.copyOf(lineup.secondWave()), options.infrastructureTimeout(), false);
            marketplace.startWave(List.copyOf(lineup.secondWave()), List.of(), options.serviceTimeout(), options.tolerateServiceFailures());
            if (options.seedDemoAccounts() && options.startServices()) {
                marketplace.seedDemoData(DemoMarketplaceSeeder.local());
            }
        } catch (RuntimeException e) {
            marketplace.stop();
            throw e;
        }
        marketplace.printSummary(Duration.ofNanos(System.nanoTime() - began));
        return marketplace;
    }

    /** A handle on a marketplace that is already up (its gateway answers ready); {@link #stop} leaves it running. */
    public static Optional<LocalMarketplace> attachIfRunning() {
        if (!Probes.httpOk(GATEWAY_URL + "/actuator/health/readiness")) {
            return Optional.empty();
        }
        return Optional.of(new LocalMarketplace(null, null, false, Options.defaults()));
    }

    public String gatewayUrl() {
        return GATEWAY_URL;
    }

    public String keycloakUrl() {
        return KeycloakPart.URL;
    }

    /** The issuer of every access token: {@code http://localhost:8180/realms/haat}. */
    public String issuer() {
        return KeycloakPart.ISSUER;
    }

    public String eurekaUrl() {
        return SpringServicePart.EUREKA_URL;
    }

    /** GreenMail's REST API: {@code GET /api/user/<email>/messages/} lists a mailbox. */
    public String mailApiUrl() {
        return MailPart.API_URL;
    }

    public List<DemoAccount> demoAccounts() {
        return List.of(DemoAccount.values());
    }

    /** Whether this handle started the parts (and so stops them), rather than attached to a running marketplace. */
    public boolean owned() {
        return owned;
    }

    /** Services that did not become ready (only when {@link Options#tolerateServiceFailures()}). */
    public synchronized List<String> failedParts() {
        return List.copyOf(failed);
    }

    /** Calls {@code listener} with a part's name when its process exits while the marketplace is not stopping. */
    public void onUnexpectedExit(Consumer<String> listener) {
        if (!owned) {
            return;
        }
        for (Part part : lineup.toStart()) {
            launcher.running(part.name()).ifPresent(process -> process.onExit().thenRun(() -> {
                if (!stopping.get()) {
                    listener.accept(part.name());
                }
            }));
        }
    }

    // ---- faults: kill a part hard, start it again (the fault tests of issue 16, ./run.sh kill|restart)

    /**
     * Kills {@code part} (a name of {@link #partNames()}) and everything it started with SIGKILL, no graceful
     * shutdown: a crash. Returns whether it was running. Only for a marketplace this handle started.
     */
    public boolean kill(String part) {
        Part killed = ownPart(part);
        boolean wasRunning = launcher.kill(killed.name());
        out.printf("  %-22s %s%n", part, wasRunning ? "killed (SIGKILL)" : "was not running");
        return wasRunning;
    }

    /**
     * Starts {@code part} again (after {@link #kill}) and returns once it is ready, as at the marketplace's start;
     * a part still running is stopped first (gracefully). Throws {@link PartFailedException} if it does not get ready.
     */
    public void restart(String part) {
        restart(ownPart(part), options, out);
    }

    /**
     * Stops {@code part} gracefully (a run recording AOT training data writes it as it exits) and starts it again with
     * or without the JDK AOT cache; returns how long the start took, from launch to ready. Neither the stop nor the
     * creation of the cache from recorded training data is counted. Without a cache yet, a run with {@code aotCache}
     * records the training data for the next one. Only for a marketplace this handle started (start-up benchmarks).
     */
    public Duration restartTimed(String part, boolean aotCache) {
        Part running = ownPart(part);
        if (running.isRunning()) {
            running.stop();
        }
        Options with = options.withAotCache(aotCache);
        Part fresh = Lineup.of(launcher, with).part(part).orElseThrow(() -> new PartFailedException(part,
                "not in the standard lineup (a second instance has no AOT cache of its own) or its jar is not built"));
        fresh.prepare();
        long began = System.nanoTime();
        fresh.start();
        fresh.awaitReady(with.serviceTimeout());
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        out.printf("  %-22s ready again in %.1f s (%s)%n", part, took.toMillis() / 1000.0,
                aotCache ? "JDK AOT cache" : "no AOT cache");
        return took;
    }

    /**
     * Starts a second instance of the Spring Boot service {@code module} (not the gateway) beside the first: part
     * {@code <module>-2} on the service's port + 10000, with data directories of its own, registered in Eureka as
     * another instance of the same application. Returns its part name once it is ready and registered; {@link #kill},
     * {@link #restart} and {@link #stop} accept it. Only for a marketplace this handle started.
     */
    public String startSecondInstance(String module) {
        if (!owned) {
            throw new IllegalStateException("only the marketplace this handle started can get a second instance");
        }
        SpringServicePart second = Lineup.secondInstance(launcher, options, module);
        List<Part.Port> busy = PortCheck.busy(second.ports());
        if (!busy.isEmpty()) {
            throw new PortsTakenException(PortCheck.message(busy));
        }
        if (secondInstances.stream().noneMatch(part -> part.name().equals(second.name()))) {
            secondInstances.add(second);
        }
        long began = System.nanoTime();
        out.printf("  %-22s starting...%n", second.name());
        second.start();
        second.awaitReady(options.serviceTimeout());
        out.printf("  %-22s ready in %.1f s (port %d)%n", second.name(), (System.nanoTime() - began) / 1e9,
                second.ports().getFirst().number());
        return second.name();
    }

    /**
     * The process of {@code part} (a name of {@link #partNames()} or a second instance) when it runs: what a benchmark
     * measures the memory of. Empty for an attached marketplace (its parts were started by another launcher).
     */
    public Optional<ProcessHandle> process(String part) {
        return owned ? launcher.running(part) : Optional.empty();
    }

    /** The names of every part that {@link #kill} and {@link #restart} accept. */
    public static List<String> partNames() {
        return Lineup.partNames();
    }

    /** {@code ./run.sh kill <part>}: kills the part of the marketplace running from {@code workspace}, by its pid file. */
    static boolean kill(Workspace workspace, String part, PrintStream out) {
        requireKnown(part);
        boolean wasRunning = new ProcessLauncher(workspace).kill(part);
        out.printf("  %-22s %s%n", part, wasRunning ? "killed (SIGKILL)" : "was not running");
        return wasRunning;
    }

    /** {@code ./run.sh restart <part>}: stops the part if it runs, starts it again with {@code options} and waits until ready. */
    static void restart(Workspace workspace, String part, Options options) {
        requireKnown(part);
        Lineup lineup = Lineup.of(new ProcessLauncher(workspace), options);
        Part found = lineup.part(part).orElseThrow(() -> new PartFailedException(part,
                "cannot start: its jar is not built (./mvnw -B -q -pl " + part + " -am install -DskipTests)"));
        restart(found, options, options.out());
    }

    private static void restart(Part part, Options options, PrintStream out) {
        long began = System.nanoTime();
        if (part.isRunning()) {
            part.stop();
        }
        out.printf("  %-22s starting again...%n", part.name());
        part.start();
        part.awaitReady(part instanceof SpringServicePart ? options.serviceTimeout() : options.infrastructureTimeout());
        out.printf("  %-22s ready again in %.1f s%n", part.name(), (System.nanoTime() - began) / 1e9);
    }

    private Part ownPart(String part) {
        Optional<Part> second = secondInstances.stream().filter(candidate -> candidate.name().equals(part)).findFirst();
        if (second.isPresent()) {
            return second.get();
        }
        requireKnown(part);
        if (!owned) {
            throw new IllegalStateException("only the marketplace this handle started can be killed or restarted, not an"
                    + " attached one");
        }
        return lineup.part(part).orElseThrow(() -> new IllegalArgumentException(part + " is not part of this run"));
    }

    private static void requireKnown(String part) {
        if (!Lineup.partNames().contains(part)) {
            throw new IllegalArgumentException("unknown part '" + part + "'; one of " + Lineup.partNames());
        }
    }

    /**
     * Stops what this handle started: services first, infrastructure last. Idempotent (a second caller waits for the
     * first to finish); a no-op for an attached handle.
     */
    public void stop() {
        if (!owned) {
            return;
        }
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            removeShutdownHook();
            out.println("Stopping Haat...");
            stopWave(List.copyOf(secondInstances), out);
            for (List<Part> wave : lineup.stopWaves()) {
                stopWave(wave, out);
            }
            out.println("Haat stopped.");
        } finally {
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops whatever runs from {@code workspace}, by pid file, in stop order: for {@code ./run.sh stop}. */
    static void stopAll(Workspace workspace, PrintStream out) {
        for (List<Part> wave : Lineup.everything(new ProcessLauncher(workspace)).stopWaves()) {
            stopWave(wave, out);
        }
    }

    /** Starts {@code wave} in parallel and waits until it is ready, preparing the next wave's parts meanwhile. */
    private void startWave(List<Part> wave, List<Part> nextWave, Duration timeout, boolean tolerateFailures) {
        ConcurrentLinkedQueue<PartFailedException> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Part part : nextWave) {
                // a failure here shows again, with its reason, when the part starts
                executor.submit(() -> {
                    try {
                        part.prepare();
                    } catch (RuntimeException e) {
                        out.printf("  %-22s could not be prepared: %s%n", part.name(), e.getMessage());
                    }
                });
            }
            for (Part part : wave) {
                executor.submit(() -> {
                    long began = System.nanoTime();
                    out.printf("  %-22s starting...%n", part.name());
                    try {
                        part.start();
                        part.awaitReady(timeout);
                        out.printf("  %-22s ready in %.1f s%n", part.name(), (System.nanoTime() - began) / 1e9);
                    } catch (RuntimeException e) {
                        PartFailedException failure = e instanceof PartFailedException partFailure
                                ? partFailure : new PartFailedException(part.name(), e.toString());
                        out.printf("  %-22s FAILED: %s%n", part.name(), failure.getMessage());
                        failures.add(failure);
                    }
                });
            }
        }
        synchronized (this) {
            failures.forEach(failure -> failed.add(failure.part()));
        }
        if (!failures.isEmpty() && !tolerateFailures) {
            throw failures.peek();
        }
    }

    private static void stopWave(List<Part> wave, PrintStream out) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Part part : wave) {
                executor.submit(() -> {
                    if (part.isRunning()) {
                        part.stop();
                        out.printf("  %-22s stopped%n", part.name());
                    }
                });
            }
        }
    }

    /**
     * identity-service has created the demo accounts before it reported ready (HAAT_DEMO_ACCOUNTS_ENABLED, see
     * {@link Lineup}); this gives the demo seller an approved application, a store, products, stock and a shipping
     * method, and the demo customer an address. A problem is one warning line: the marketplace runs without the demo data.
     */
    private void seedDemoData(DemoMarketplaceSeeder seeder) {
        List<String> absent = new ArrayList<>(DEMO_DATA_NEEDS);
        absent.removeIf(name -> lineup.secondWave().stream().anyMatch(part -> part.name().equals(name)) && !failedParts().contains(name));
        String outcome = absent.isEmpty() ? seeder.seed() : "WARNING: not seeded, not running: " + String.join(", ", absent);
        out.printf("  %-22s %s%n", "demo data", outcome);
    }

    private void printSummary(Duration took) {
        out.printf("%nHaat is up in %.1f s.%n", took.toMillis() / 1000.0);
        out.printf("  %-18s %s%n", "Gateway", GATEWAY_URL);
        out.printf("  %-18s %s%n", "Swagger UI", GATEWAY_URL + "/swagger-ui.html");
        out.printf("  %-18s %s   (%s / %s, development only)%n", "Keycloak admin", KeycloakPart.URL + "/admin",
                KeycloakPart.ADMIN_USER, KeycloakPart.ADMIN_PASSWORD);
        out.printf("  %-18s %s%n", "Eureka", SpringServicePart.EUREKA_URL);
        out.printf("  %-18s %s/api/user/<email>/messages/   (IMAP localhost:%d, any password; SMTP localhost:%d)%n",
                "Mailbox", MailPart.API_URL, MailPart.IMAP_PORT, MailPart.SMTP_PORT);
        out.printf("  %-18s %s%n", "Logs", launcher.workspace().logsDir());
        out.println("Demo accounts (development only):");
        for (DemoAccount account : DemoAccount.values()) {
            out.printf("  %-22s %-16s %s%n", account.email(), account.password(), account.role());
        }
        if (!lineup.missingJars().isEmpty()) {
            out.println("Not started (no jar): " + lineup.missingJars().stream().map(Part::name).toList());
        }
        if (!failedParts().isEmpty()) {
            out.println("FAILED to start: " + failedParts() + " (see their logs)");
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway and finds the work done
        }
    }
}
