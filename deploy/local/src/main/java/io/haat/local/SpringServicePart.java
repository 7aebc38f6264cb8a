package io.haat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Spring Boot module, built as {@code <module>/target/<module>-0.1.0-SNAPSHOT.jar}. It runs from its own extracted
 * copy in {@code .haat/apps/<module>} (so rebuilding while it runs cannot pull classes from under it), with a JDK AOT
 * cache ({@link AotCache}) once a first run has recorded it. Ready = readiness probe up and, for Eureka clients,
 * registered in Eureka.
 */
final class SpringServicePart extends ProcessPart {

    /**
     * A runnable module of the repository: its directory (= application name) and HTTP port; {@code instance} names
     * the part (its pid and log files), the module's name but for a second instance ({@link #secondInstance}).
     */
    record Service(String module, int port, boolean eurekaClient, String instance) {

        Service(String module, int port, boolean eurekaClient) {
            this(module, port, eurekaClient, module);
        }

        /** Another instance of the same module beside this one: {@code <module>-2} on this port + 10000. */
        Service secondInstance() {
            return new Service(module, port + SECOND_INSTANCE_PORT_OFFSET, eurekaClient, module + "-2");
        }
    }

    static final int SECOND_INSTANCE_PORT_OFFSET = 10_000;

    static final String EUREKA_URL = "http://localhost:8761";
    /**
     * Discovery refuses anonymous clients: the launcher asks it as the services register, with
     * {@code HAAT_EUREKA_USERNAME} / {@code HAAT_EUREKA_PASSWORD} when set (the services inherit them), else the
     * development defaults that discovery and every service use locally.
     */
    static final String EUREKA_AUTHORIZATION = Probes.basic(
            Objects.requireNonNullElse(System.getenv("HAAT_EUREKA_USERNAME"), "dev-only-eureka"),
            Objects.requireNonNullElse(System.getenv("HAAT_EUREKA_PASSWORD"), "dev-only-eureka-password"));

    static final Service DISCOVERY = new Service("discovery", 8761, false);
    /** Started once the infrastructure and discovery are up, all at the same time. */
    static final List<Service> SERVICES = List.of(
            new Service("gateway", 8080, true),
            new Service("identity-service", 8081, true),
            new Service("catalog-service", 8082, true),
            new Service("order-service", 8083, true),
            new Service("payment-service", 8084, true),
            new Service("seller-service", 8085, true),
            new Service("notification-service", 8086, true));

    private static final String BUILD_STAMP = ".built-from";

    /**
     * glibc's malloc arenas for a service: 2 instead of 8 per core. Each arena keeps the C heap its threads freed
     * (the JIT compilers' above all); a service's native allocations do not contend enough to need more.
     */
    static final String MALLOC_ARENAS = "2";

    private final Service service;
    private final List<String> jvmOptions;
    private final boolean aotCache;
    private final Map<String, String> environment;

    SpringServicePart(ProcessLauncher launcher, Service service, List<String> jvmOptions, boolean aotCache) {
        this(launcher, service, jvmOptions, aotCache, Map.of());
    }

    SpringServicePart(ProcessLauncher launcher, Service service, List<String> jvmOptions, boolean aotCache,
                      Map<String, String> environment) {
        super(service.instance(), launcher);
        this.service = service;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.aotCache = aotCache;
        this.environment = Map.copyOf(environment);
    }

    /** Environment variables added to the service's own (on top of this JVM's). */
    Map<String, String> environment() {
        return environment;
    }

    boolean jarExists() {
        return Files.isRegularFile(workspace().serviceJar(service.module()));
    }

    String missingJarMessage() {
        return "no jar at " + workspace().repoRoot().relativize(workspace().serviceJar(service.module()))
                + " (build it: ./mvnw -B -q -pl " + service.module() + " -am install -DskipTests)";
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(service.port(), service.instance()));
    }

    /** Extracts a new build and turns the training data of the last run into an AOT cache. */
    @Override
    public void prepare() {
        Path app = extractedApplication();
        if (aotEnabled()) {
            new AotCache(app.getParent()).createIfRecorded(workspace().javaBin(), jvmOptions, app, workspace().logFile(name()));
        }
    }

    @Override
    public void start() {
        prepare();
        Path app = extractedApplication();
        List<String> command = new ArrayList<>();
        command.add(workspace().javaBin().toString());
        command.addAll(jvmOptions);
        if (aotEnabled()) {
            command.addAll(new AotCache(app.getParent()).runOptions());
        }
        command.add("-jar");
        command.add(path(app));
        Map<String, String> processEnvironment = new HashMap<>(environment);
        processEnvironment.putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        startAndRecord(command, processEnvironment);
    }

    private boolean aotEnabled() {
        return aotCache && AotCache.supported(workspace().javaBin());
    }

    @Override
    public void awaitReady(Duration timeout) {
        String readiness = "http://localhost:" + service.port() + "/actuator/health/readiness";
        awaitReady(timeout, () -> Probes.httpOk(readiness) && (!service.eurekaClient() || registeredInEureka()));
    }

    @Override
    public void stop() {
        // a run without AOT cache writes its training data while it exits: give it the time
        launcher.stop(name(), ProcessLauncher.Signal.TERM, Duration.ofSeconds(60));
    }

    /** This instance (by its port: several may run) is listed UP in Eureka. */
    private boolean registeredInEureka() {
        String application = service.module().toUpperCase(Locale.ROOT);
        return Probes.httpGet(EUREKA_URL + "/eureka/apps/" + application, "application/json", EUREKA_AUTHORIZATION)
                .filter(body -> instanceUp(body, service.port()))
                .isPresent();
    }

    /** In Eureka's JSON for an application: an instance object with {@code "port":{"$":<port>} and status UP. */
    static boolean instanceUp(String applicationJson, int port) {
        for (String instance : applicationJson.split("\"instanceId\"")) {
            if (instance.contains("\"port\":{\"$\":" + port + ",") && instance.contains("\"status\":\"UP\"")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code .haat/apps/<module>/<module>.jar} with its {@code lib/}, extracted by Spring Boot's jar tools from the
     * built jar; extracted again (and the AOT cache dropped) when the build is newer.
     */
    private Path extractedApplication() {
        Path built = workspace().serviceJar(service.module());
        Path home = workspace().dataDir("apps").resolve(service.module());
        Path app = home.resolve(service.module() + ".jar");
        try {
            String stamp = Files.size(built) + " " + Files.getLastModifiedTime(built).toMillis();
            Path stampFile = home.resolve(BUILD_STAMP);
            if (Files.isRegularFile(app) && Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
                return app;
            }
            Path fresh = home.resolveSibling(service.module() + ".extracting");
            deleteRecursively(fresh);
            Process extract = new ProcessBuilder(workspace().javaBin().toString(), "-Djarmode=tools", "-jar", built.toString(),
                    "extract", "--destination", fresh.toString(), "--application-filename", app.getFileName().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workspace().logFile(name()).toFile()))
                    .start();
            if (!extract.waitFor(3, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new PartFailedException(name(), "could not extract " + built + "; see " + workspace().logFile(name()));
            }
            Files.writeString(fresh.resolve(BUILD_STAMP), stamp);
            deleteRecursively(home);
            Files.move(fresh, home);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + built + " into " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailedException(name(), "interrupted while extracting " + built);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
