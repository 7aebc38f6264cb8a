package io.haat.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Command line behind {@code ./run.sh}: {@code start} (the default), {@code stop}, {@code status}, {@code reset}, and the
 * faults {@code kill <part>} and {@code restart <part>}.
 */
public final class Launcher {

    static final String USAGE = """
            usage: ./run.sh [start|stop|status|reset] [--infra-only] [--no-seed]
                   ./run.sh kill|restart <part>
              start         start everything and wait; Ctrl-C stops it (the default)
              stop          stop a run started from this directory (services first, infrastructure last)
              status        show which parts run
              reset         stop, then delete .haat/ (all local data and logs)
              kill <part>   SIGKILL one part and what it started, no graceful shutdown (a crash, for fault tests)
              restart <part> stop the part if it runs (gracefully), start it again and wait until it is ready
                            parts: postgres kafka mongo mail keycloak discovery gateway identity-service
                                   catalog-service order-service payment-service seller-service notification-service
              dlt [list|replay <topic>.DLT]  dead-letter topics: what waits in them, send it back (docs/operations.md)
              --infra-only  start PostgreSQL, Kafka, MongoDB, mail and Keycloak, not the Spring Boot applications
              --no-seed     do not create the demo accounts and demo data""";

    private static final String LAUNCHER = "launcher";

    enum Command {
        START, STOP, STATUS, RESET, HELP, KILL(true), RESTART(true);

        /** Whether the command names a part ({@code kill <part>}). */
        final boolean takesPart;

        Command() {
            this(false);
        }

        Command(boolean takesPart) {
            this.takesPart = takesPart;
        }
    }

    /** The parsed command line; {@code part} only for {@link Command#takesPart} commands, else {@code null}. */
    record Arguments(Command command, boolean startServices, boolean seedDemoAccounts, String part) {

        Arguments(Command command, boolean startServices, boolean seedDemoAccounts) {
            this(command, startServices, seedDemoAccounts, null);
        }

        static Arguments parse(String... args) {
            Command command = null;
            String part = null;
            boolean services = true;
            boolean seed = true;
            for (String arg : args) {
                switch (arg) {
                    case "--infra-only" -> services = false;
                    case "--no-seed" -> seed = false;
                    case "-h", "--help", "help" -> command = Command.HELP;
                    default -> {
                        if (command != null && command.takesPart && part == null && !arg.startsWith("-")) {
                            if (!Lineup.partNames().contains(arg)) {
                                throw new IllegalArgumentException("unknown part '" + arg + "'; one of "
                                        + String.join(" ", Lineup.partNames()));
                            }
                            part = arg;
                            continue;
                        }
                        if (arg.startsWith("-") || command != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'" + System.lineSeparator() + USAGE);
                        }
                        command = Arrays.stream(Command.values()).filter(c -> c.name().equalsIgnoreCase(arg)).findFirst()
                                .orElseThrow(() -> new IllegalArgumentException("unknown command '" + arg + "'" + System.lineSeparator() + USAGE));
                    }
                }
            }
            if (command != null && command.takesPart && part == null) {
                throw new IllegalArgumentException(command.name().toLowerCase(java.util.Locale.ROOT) + " needs a part: one of "
                        + String.join(" ", Lineup.partNames()) + System.lineSeparator() + USAGE);
            }
            return new Arguments(command == null ? Command.START : command, services, seed, part);
        }
    }

    private Launcher() {
    }

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Workspace workspace = new Workspace(Path.of(System.getProperty("haat.repo", ".")));
        int status = switch (arguments.command()) {
            case START -> start(workspace, arguments, System.out);
            case STOP -> stop(workspace, System.out);
            case STATUS -> status(workspace, System.out);
            case RESET -> reset(workspace, System.out);
            case KILL -> {
                LocalMarketplace.kill(workspace, arguments.part(), System.out);
                yield 0;
            }
            case RESTART -> restart(workspace, arguments);
            case HELP -> {
                System.out.println(USAGE);
                yield 0;
            }
        };
        System.exit(status);
    }

    private static int start(Workspace workspace, Arguments arguments, PrintStream out) {
        ProcessLauncher launcher = new ProcessLauncher(workspace);
        if (launcher.running(LAUNCHER).isPresent()) {
            out.println("Haat already runs from " + workspace.repoRoot() + " (./run.sh status, ./run.sh stop).");
            return 1;
        }
        // Recorded before anything starts, so that ./run.sh stop also reaches a launcher that is still starting.
        workspace.createDirectories();
        launcher.recordPid(LAUNCHER, ProcessHandle.current());
        Options options = runOptions(arguments);
        LocalMarketplace marketplace;
        try {
            marketplace = LocalMarketplace.start(workspace.repoRoot(), options);
        } catch (IllegalStateException | PartFailedException e) {
            out.println();
            out.println(e.getMessage());
            launcher.deletePidFile(LAUNCHER);
            return 1;
        }
        marketplace.onUnexpectedExit(part -> out.printf("%s exited unexpectedly; see %s%n", part, workspace.logFile(part)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            marketplace.stop();
            launcher.deletePidFile(LAUNCHER);
        }, "haat-launcher-stop"));
        out.println("Ctrl-C or ./run.sh stop (in another terminal) stops everything.");
        try {
            // Runs until a signal (Ctrl-C, ./run.sh stop): the shutdown hooks then stop every part in order.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts one part again with the options {@code ./run.sh} starts it with; 1 if it does not get ready. */
    private static int restart(Workspace workspace, Arguments arguments) {
        try {
            LocalMarketplace.restart(workspace, arguments.part(), runOptions(arguments));
            return 0;
        } catch (PartFailedException e) {
            System.out.println(e.getMessage());
            return 1;
        }
    }

    private static Options runOptions(Arguments arguments) {
        return Options.defaults()
                .withStartServices(arguments.startServices())
                .withSeedDemoAccounts(arguments.seedDemoAccounts())
                .withTolerateServiceFailures(true)
                .withServiceJvmOptions(serviceJvmOptions())
                .withAotCache(!"false".equalsIgnoreCase(System.getenv("HAAT_AOT_CACHE")));
    }

    private static int stop(Workspace workspace, PrintStream out) {
        ProcessLauncher launcher = new ProcessLauncher(workspace);
        launcher.running(LAUNCHER).ifPresent(process -> {
            out.println("Asking the running launcher (pid " + process.pid() + ") to stop everything...");
            launcher.stop(LAUNCHER, ProcessLauncher.Signal.TERM, Duration.ofMinutes(2));
        });
        // Whatever is still recorded (a launcher killed hard, a part left behind) is stopped here, in the same order.
        LocalMarketplace.stopAll(workspace, out);
        launcher.deletePidFile(LAUNCHER);
        out.println("Nothing of Haat runs from " + workspace.repoRoot() + " now.");
        return 0;
    }

    private static int status(Workspace workspace, PrintStream out) {
        ProcessLauncher launcher = new ProcessLauncher(workspace);
        Lineup everything = Lineup.everything(launcher);
        List<Part> parts = Stream.concat(everything.firstWave().stream(), everything.secondWave().stream()).toList();
        boolean any = false;
        launcher.running(LAUNCHER).ifPresent(process -> out.printf("  %-22s running (pid %d)%n", LAUNCHER, process.pid()));
        for (Part part : parts) {
            var process = launcher.running(part.name());
            any |= process.isPresent();
            String ports = part.ports().stream()
                    .map(port -> port.number() + (Probes.tcpOpen(port.number()) ? " open" : " closed"))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            out.printf("  %-22s %-16s %s%n", part.name(),
                    process.map(p -> "running (pid " + p.pid() + ")").orElse("not running"), ports);
        }
        out.println(any ? "Logs: " + workspace.logsDir() : "Haat is not running.");
        return 0;
    }

    private static int reset(Workspace workspace, PrintStream out) {
        stop(workspace, out);
        Path haat = workspace.haatDir();
        if (Files.exists(haat)) {
            try (Stream<Path> paths = Files.walk(haat)) {
                paths.sorted(Comparator.reverseOrder()).forEach(Launcher::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.println("Deleted " + haat + ": the next ./run.sh starts from empty databases.");
        return 0;
    }

    /** {@code HAAT_SERVICE_JAVA_OPTS} (space separated) replaces the default JVM options of the services. */
    static List<String> serviceJvmOptions() {
        String value = System.getenv("HAAT_SERVICE_JAVA_OPTS");
        return value == null || value.isBlank() ? Options.FAST_START_JVM : List.of(value.strip().split("\\s+"));
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
