package io.haat.local;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What every part shares: a name, a pid file, and stop by signal then kill. */
abstract class ProcessPart implements Part {

    protected final ProcessLauncher launcher;
    private final String name;

    ProcessPart(String name, ProcessLauncher launcher) {
        this.name = name;
        this.launcher = launcher;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean isRunning() {
        return launcher.running(name).isPresent();
    }

    @Override
    public void stop() {
        launcher.stop(name, ProcessLauncher.Signal.TERM, Duration.ofSeconds(30));
    }

    protected Workspace workspace() {
        return launcher.workspace();
    }

    protected void awaitReady(Duration timeout, BooleanSupplier ready) {
        Probes.await(name, timeout, this::isRunning, ready, launcher);
    }

    /** Starts {@code command} and records its pid: for parts whose first process is the one that stays. */
    protected void startAndRecord(List<String> command, Map<String, String> environment) {
        Process process = launcher.start(name, command, environment);
        launcher.recordPid(name, process.toHandle());
    }

    /** {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} on the workspace's JDK. */
    protected List<String> javaCommand(String classpath, List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(workspace().javaBin().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Small, quick-starting JVM settings for the infrastructure mains. */
    protected static List<String> smallJvm(String maxHeap) {
        return smallJvm(maxHeap, false);
    }

    /** {@link #smallJvm(String)}, with both JIT tiers when {@code fullJit} ({@link Options#infrastructureFullJit}). */
    protected static List<String> smallJvm(String maxHeap, boolean fullJit) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC"));
        if (!fullJit) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        options.addAll(List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.logFile=System.out"));
        return List.copyOf(options);
    }

    protected static String path(Path path) {
        return path.toAbsolutePath().toString().replace(File.separatorChar, '/');
    }
}
