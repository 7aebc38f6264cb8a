package io.haat.test.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.haat.test.LocalPorts;

/**
 * The real Keycloak server for integration tests, started the way the local run starts it ({@link KeycloakDistribution}:
 * same distribution, realm import and JVM flags) but in a directory and on a port the caller chooses, so it never
 * touches {@code .haat/} or a running {@code ./run.sh}. The unpacked and built server is kept in that directory, so only
 * the first start pays for Keycloak's build (~40 s; later starts ~10 s).
 *
 * <pre>{@code
 * KeycloakServer keycloak = KeycloakServer.builder()
 *         .distribution(zip)                               // keycloak-quarkus-dist from the local Maven repository
 *         .realm(repoRoot.resolve("deploy/keycloak/haat-realm.json"))
 *         .home(Path.of(System.getProperty("user.home"), ".haat-test/keycloak"))
 *         .port(18180)
 *         .environment("HAAT_SMTP_PORT", "13025")          // the realm file reads ${HAAT_...} placeholders
 *         .start();
 * String issuer = keycloak.issuer();                       // http://localhost:18180/realms/haat
 * }</pre>
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = KeycloakDistribution.REALM;
    /** Master-realm admin (development only), created on each fresh start. */
    public static final String ADMIN_USER = KeycloakDistribution.ADMIN_USER;
    public static final String ADMIN_PASSWORD = KeycloakDistribution.ADMIN_PASSWORD;

    private static final String PID_FILE = "haat-keycloak.pid";
    private static final String LOCK_FILE = "haat-keycloak.lock";
    private static final String LOG_FILE = "haat-keycloak.log";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final int port;
    private final Process process;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private KeycloakServer(Path home, int port, Process process, FileChannel lockChannel, FileLock lock) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return KeycloakDistribution.url(port);
    }

    public int port() {
        return port;
    }

    /** The token issuer of the {@code haat} realm. */
    public String issuer() {
        return KeycloakDistribution.issuer(port);
    }

    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public Path home() {
        return home;
    }

    /** Keycloak's console output. */
    public Path log() {
        return home.resolve(LOG_FILE);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops Keycloak (SIGTERM, then SIGKILL after 20 s) and releases the directory. */
    @Override
    public void close() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(home.resolve(PID_FILE));
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the JVM anyway
        }
    }

    /** How to start it; {@link #start()} blocks until the realm answers. */
    public static final class Builder {

        private Path home;
        private int port = 18180;
        private Path distribution;
        private Path realm;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean freshData = true;
        private Duration startupTimeout = Duration.ofMinutes(3);

        private Builder() {
        }

        /** Where the distribution is unpacked and built, and where its data and log live. */
        public Builder home(Path home) {
            this.home = home.toAbsolutePath().normalize();
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The {@code keycloak-quarkus-dist} zip (required). */
        public Builder distribution(Path zip) {
            this.distribution = zip;
            return this;
        }

        /** The realm export to import, e.g. the repository's {@code deploy/keycloak/haat-realm.json} (required). */
        public Builder realm(Path realmFile) {
            this.realm = realmFile;
            return this;
        }

        /** An environment variable for Keycloak, e.g. one the realm file reads ({@code HAAT_SMTP_PORT}). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Whether to drop the previous run's database so the realm is imported afresh (default true). */
        public Builder freshData(boolean freshData) {
            this.freshData = freshData;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public KeycloakServer start() {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(realm, "realm");
            FileChannel channel = null;
            try {
                Files.createDirectories(home);
                channel = FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    throw new IllegalStateException(home + " is used by another running Keycloak (another JVM holds "
                            + LOCK_FILE + "); choose another home");
                }
                stopLeftover();
                if (LocalPorts.inUse(port)) {
                    throw new IllegalStateException("port " + port + " is already in use; choose another for Keycloak");
                }
                KeycloakDistribution.unpackIfNeeded(distribution, home);
                prepareData();
                Process process = launch();
                Files.writeString(home.resolve(PID_FILE), Long.toString(process.pid()));
                KeycloakServer server = new KeycloakServer(home, port, process, channel, lock);
                awaitReady(server);
                return server;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot start Keycloak in " + home, e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }

        private static FileLock tryLock(FileChannel channel) throws IOException {
            try {
                return channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return null;
            }
        }

        /** A Keycloak left behind by a JVM that died without stopping it would hold the port and the database. */
        private void stopLeftover() throws IOException {
            Path pidFile = home.resolve(PID_FILE);
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(home.toString())).orElse(false));
            leftover.ifPresent(handle -> {
                List<ProcessHandle> tree = Stream.concat(Stream.of(handle), handle.descendants()).toList();
                tree.forEach(ProcessHandle::destroyForcibly);
                tree.forEach(h -> h.onExit().join());
            });
            Files.deleteIfExists(pidFile);
        }

        private void prepareData() throws IOException {
            Path data = home.resolve("data");
            if (freshData) {
                for (String dir : List.of("h2", "transaction-logs", "tmp")) {
                    deleteTree(data.resolve(dir));
                }
            }
            KeycloakDistribution.placeRealm(realm, home);
        }

        private Process launch() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(KeycloakDistribution.command(home, port))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(home.resolve(LOG_FILE).toFile()));
            builder.environment().putAll(KeycloakDistribution.environment(Path.of(System.getProperty("java.home"))));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        }

        private void awaitReady(KeycloakServer server) {
            String probe = KeycloakDistribution.readinessUrl(port);
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (!answersOk(probe)) {
                if (!server.isRunning() || System.nanoTime() > deadline) {
                    String why = server.isRunning() ? "not ready after " + startupTimeout.toSeconds() + " s" : "exited";
                    server.close();
                    throw new IllegalStateException("Keycloak " + why + "; see " + server.log() + System.lineSeparator()
                            + tail(server.log(), 15));
                }
                sleep(250);
            }
        }

        private static boolean answersOk(String url) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }

        private static String tail(Path log, int lines) {
            try {
                List<String> all = Files.readAllLines(log);
                return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException | UncheckedIOException e) {
                return "";
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
