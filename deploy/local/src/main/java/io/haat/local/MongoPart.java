package io.haat.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** MongoDB wire protocol from {@code mongo-java-server}, stored by its H2 backend in {@code .haat/mongo/data.mv}. */
final class MongoPart extends ProcessPart {

    static final int PORT = 27017;

    private final boolean fullJit;

    MongoPart(ProcessLauncher launcher) {
        this(launcher, false);
    }

    /** {@code fullJit}: both JIT tiers ({@link Options#infrastructureFullJit}). */
    MongoPart(ProcessLauncher launcher, boolean fullJit) {
        super("mongo", launcher);
        this.fullJit = fullJit;
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(PORT, "MongoDB"));
    }

    @Override
    public void start() {
        startAndRecord(javaCommand(workspace().childClasspath(), jvmOptions(), MongoMain.class,
                path(workspace().dataDir("mongo").resolve("data.mv")), Integer.toString(PORT)), Map.of());
    }

    List<String> jvmOptions() {
        return smallJvm("256m", fullJit);
    }

    @Override
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> Probes.tcpOpen(PORT));
    }
}
