package io.haat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JDK 25 ahead-of-time cache for one Spring Boot application (JEP 483/514/515): classes loaded and linked and
 * method profiles from an earlier run, which makes the next starts several times faster on a small machine.
 * A run without a cache records its training data when it exits ({@code app.aotconf}); the next start turns that into
 * the cache ({@code app.aot}) before the application starts, and later starts use it.
 */
final class AotCache {

    /** The JVM reports every class it cannot cache as a warning (hundreds per service): keep the logs to errors. */
    private static final String QUIET = "-Xlog:aot*=error";

    private final Path config;
    private final Path cache;
    private final Path created;

    AotCache(Path directory) {
        this.config = directory.resolve("app.aotconf");
        this.cache = directory.resolve("app.aot");
        this.created = directory.resolve("app.aot.created");
    }

    /** Whether the JDK of {@code javaBin} has AOT caches (25 and later). */
    static boolean supported(Path javaBin) {
        return jdkRelease(javaBin) >= 25;
    }

    /** JVM options for a run: use the cache when there is one, else record the training data at exit. */
    List<String> runOptions() {
        if (Files.isRegularFile(created) && Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache, QUIET);
        }
        return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + config, QUIET);
    }

    /**
     * Turns recorded training data into the cache, if there is data and no cache yet. Data the JVM rejects (a run
     * killed while writing it) is dropped, so the next run records again.
     */
    void createIfRecorded(Path javaBin, List<String> jvmOptions, Path applicationJar, Path log) {
        if (!Files.isRegularFile(config) || Files.isRegularFile(created)) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache, QUIET,
                "-jar", applicationJar.toString()));
        try {
            Process create = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            boolean ok = create.waitFor(5, TimeUnit.MINUTES) && create.exitValue() == 0;
            if (ok) {
                Files.writeString(created, "created from " + config.getFileName() + "\n");
            } else {
                create.destroyForcibly();
                Files.deleteIfExists(cache);
            }
            // used up either way: a new recording comes from the next run without a cache
            Files.deleteIfExists(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the AOT cache " + cache, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int jdkRelease(Path javaBin) {
        Path release = javaBin.getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown JDK: no cache
        }
        return 0;
    }
}
