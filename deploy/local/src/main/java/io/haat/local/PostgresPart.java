package io.haat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 17 from zonky's binaries, data in {@code .haat/postgres}. {@link PostgresMain} initialises and starts
 * the server (pg_ctl: the {@code postgres} binary runs as its own process) and exits; the pid file then holds the
 * postmaster's pid.
 */
final class PostgresPart extends ProcessPart {

    static final int PORT = 5432;
    /** One database and one user per PostgreSQL service, same name, password = name (development only). */
    static final List<String> DATABASES = List.of("identity", "seller", "orders", "payment");

    PostgresPart(ProcessLauncher launcher) {
        super("postgres", launcher);
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(PORT, "PostgreSQL"));
    }

    @Override
    public void start() {
        Path data = workspace().dataDir("postgres");
        List<String> args = new ArrayList<>(List.of(path(data), Integer.toString(PORT), path(workspace().logFile(name()))));
        args.addAll(DATABASES);
        Process main = launcher.start(name(), javaCommand(workspace().childClasspath(), smallJvm("128m"),
                PostgresMain.class, args.toArray(String[]::new)), Map.of());
        try {
            if (!main.waitFor(3, TimeUnit.MINUTES) || main.exitValue() != 0) {
                main.destroyForcibly();
                throw new PartFailedException(name(), "could not start; last lines of " + workspace().logFile(name())
                        + ":" + System.lineSeparator() + launcher.logTail(name(), 15));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailedException(name(), "interrupted while starting");
        }
        launcher.recordPid(name(), ProcessHandle.of(postmasterPid(data))
                .orElseThrow(() -> new PartFailedException(name(), "postmaster is not running")));
    }

    @Override
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> Probes.tcpOpen(PORT));
    }

    @Override
    public void stop() {
        // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
        launcher.stop(name(), ProcessLauncher.Signal.INT, Duration.ofSeconds(30));
    }

    private static long postmasterPid(Path data) {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
