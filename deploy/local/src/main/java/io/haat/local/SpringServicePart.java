package io.haat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Spring Boot module run from its jar ({@code <module>/target/<module>-0.1.0-SNAPSHOT.jar}). Ready = readiness
 * probe up and, for Eureka clients, registered in Eureka.
 */
final class SpringServicePart extends ProcessPart {

    /** A runnable module of the repository: its directory (= application name) and HTTP port. */
    record Service(String module, int port, boolean eurekaClient) {
    }

    static final String EUREKA_URL = "http://localhost:8761";

    static final Service DISCOVERY = new Service("discovery", 8761, false);
    /** Started once discovery is up, all at the same time. */
    static final List<Service> SERVICES = List.of(
            new Service("gateway", 8080, true),
            new Service("identity-service", 8081, true),
            new Service("catalog-service", 8082, true),
            new Service("order-service", 8083, true),
            new Service("payment-service", 8084, true),
            new Service("seller-service", 8085, true),
            new Service("notification-service", 8086, true));

    private final Service service;
    private final List<String> jvmOptions;

    SpringServicePart(ProcessLauncher launcher, Service service, List<String> jvmOptions) {
        super(service.module(), launcher);
        this.service = service;
        this.jvmOptions = List.copyOf(jvmOptions);
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
        return List.of(new Port(service.port(), service.module()));
    }

    @Override
    public void start() {
        List<String> command = new ArrayList<>();
        command.add(workspace().javaBin().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(path(runnableCopy()));
        startAndRecord(command, Map.of());
    }

    /**
     * The jar runs from a copy in {@code .haat/jars}: rebuilding a module (or {@code mvn clean}) while the marketplace
     * runs then cannot pull classes from under the running service. The copy is refreshed when the build is newer.
     */
    private Path runnableCopy() {
        Path built = workspace().serviceJar(service.module());
        Path copy = workspace().dataDir("jars").resolve(service.module() + ".jar");
        try {
            boolean current = Files.isRegularFile(copy) && Files.size(copy) == Files.size(built)
                    && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(built));
            if (!current) {
                Files.createDirectories(copy.getParent());
                Path partial = copy.resolveSibling(copy.getFileName() + ".part");
                Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + built + " to " + copy, e);
        }
    }

    @Override
    public void awaitReady(Duration timeout) {
        String readiness = "http://localhost:" + service.port() + "/actuator/health/readiness";
        awaitReady(timeout, () -> Probes.httpOk(readiness) && (!service.eurekaClient() || registeredInEureka()));
    }

    private boolean registeredInEureka() {
        String application = service.module().toUpperCase(Locale.ROOT);
        return Probes.httpGet(EUREKA_URL + "/eureka/apps/" + application, "application/json")
                .filter(body -> body.contains("\"status\":\"UP\""))
                .isPresent();
    }
}
