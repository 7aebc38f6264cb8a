package io.haat.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts parts as OS processes of their own (own session, output appended to {@code .haat/logs/<part>.log},
 * pid in {@code .haat/pids/<part>.pid}) and stops them again from their pid file, from any process.
 */
final class ProcessLauncher {

    /** How a part is asked to stop before it is killed. */
    enum Signal { TERM, INT }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Workspace workspace;

    ProcessLauncher(Workspace workspace) {
        this.workspace = workspace;
    }

    Workspace workspace() {
        return workspace;
    }

    /** Starts {@code command} for {@code part}; the caller records the pid of the process that stays (see {@link #recordPid}). */
    Process start(String part, List<String> command, Map<String, String> environment) {
        List<String> full = new ArrayList<>();
        // A session of its own: Ctrl-C in the terminal then reaches the launcher only, which stops the parts in order.
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        Path log = workspace.logFile(part);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "%n=== %s starting %s: %s%n".formatted(Instant.now(), part, describe(command)),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workspace.repoRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + part + ": " + e.getMessage(), e);
        }
    }

    void recordPid(String part, ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.createDirectories(workspace.pidsDir());
            Files.writeString(workspace.pidFile(part), process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process recorded for {@code part}; a pid file whose process is gone, or was reused by another, reads as empty. */
    Optional<ProcessHandle> running(String part) {
        Path file = workspace.pidFile(part);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(file).strip().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            long started = fields.length > 1 ? Long.parseLong(fields[1]) : 0L;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> started == 0L || handle.info().startInstant()
                            .map(instant -> sameStart(instant.toEpochMilli(), started)).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * How far a process's start time, as the JDK reports it, may move while it runs. Linux gives it in ticks since boot
     * and the JDK adds the boot time, which the kernel derives from the wall clock: after clock corrections it shifts
     * (6 s within an hour on this machine). Compared exactly, a part that had run for a while looked gone, so
     * {@code stop} and {@code restart} left it running. A pid reused by a process started minutes later still does not
     * match.
     */
    static final long START_TIME_DRIFT_MILLIS = 60_000;

    static boolean sameStart(long reported, long recorded) {
        return Math.abs(reported - recorded) <= START_TIME_DRIFT_MILLIS;
    }

    /** The process and everything it started, the process first. */
    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /**
     * Stops the process recorded for {@code part} and everything it started: {@code signal}, then up to {@code grace}
     * for it to exit, then SIGKILL for whatever is left. Returns whether anything was running.
     */
    boolean stop(String part, Signal signal, Duration grace) {
        Optional<ProcessHandle> root = running(part);
        if (root.isEmpty()) {
            deletePidFile(part);
            return false;
        }
        List<ProcessHandle> tree = tree(root.get());
        send(root.get(), signal);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            awaitExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        for (ProcessHandle process : tree) {
            if (process.isAlive()) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(5));
            }
        }
        deletePidFile(part);
        return true;
    }

    /**
     * Kills the process recorded for {@code part} and everything it started with SIGKILL at once, no grace: the
     * crash of a fault test. Returns once they are gone (at most a few seconds); returns whether anything was running.
     */
    boolean kill(String part) {
        Optional<ProcessHandle> root = running(part);
        if (root.isEmpty()) {
            deletePidFile(part);
            return false;
        }
        List<ProcessHandle> tree = tree(root.get());
        // the whole tree at once: a parent killed first must not get the chance to stop its children cleanly
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            awaitExit(process, Duration.ofSeconds(10));
        }
        deletePidFile(part);
        return true;
    }

    void deletePidFile(String part) {
        try {
            Files.deleteIfExists(workspace.pidFile(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of a part's log, to show why it failed. */
    String logTail(String part, int lines) {
        Path log = workspace.logFile(part);
        try {
            List<String> all = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The command for the log, with a long classpath shortened to its size. */
    static String describe(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        for (int i = 0; i < shown.size() - 1; i++) {
            if (shown.get(i).equals("-cp") && shown.get(i + 1).length() > 200) {
                shown.set(i + 1, "<" + shown.get(i + 1).split(File.pathSeparator).length + " classpath entries>");
            }
        }
        return String.join(" ", shown);
    }

    private static void send(ProcessHandle process, Signal signal) {
        if (signal == Signal.TERM) {
            process.destroy();
            return;
        }
        try {
            // ProcessHandle can only send SIGTERM or SIGKILL; PostgreSQL's fast shutdown is SIGINT.
            new ProcessBuilder("kill", "-" + signal.name(), Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still alive: the caller escalates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
