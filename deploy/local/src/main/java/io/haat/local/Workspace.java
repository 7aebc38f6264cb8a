package io.haat.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a local run keeps things: the repository, {@code .haat/} (data, logs, pid files) and the launcher's build output. */
public record Workspace(Path repoRoot) {

    public Workspace {
        repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    public Path haatDir() {
        return repoRoot.resolve(".haat");
    }

    public Path dataDir(String part) {
        return haatDir().resolve(part);
    }

    public Path logsDir() {
        return haatDir().resolve("logs");
    }

    public Path logFile(String part) {
        return logsDir().resolve(part + ".log");
    }

    public Path pidsDir() {
        return haatDir().resolve("pids");
    }

    public Path pidFile(String part) {
        return pidsDir().resolve(part + ".pid");
    }

    public Path realmFile() {
        return repoRoot.resolve("deploy/keycloak/haat-realm.json");
    }

    public Path launcherTarget() {
        return repoRoot.resolve("deploy/local/target");
    }

    /** Classpath of the infrastructure mains (PostgresMain, KafkaMain, MongoMain), written by the launcher's build. */
    public String childClasspath() {
        return launcherTarget().resolve("classes") + File.pathSeparator + readBuildFile("classpath.txt");
    }

    /** Classpath of MailMain: GreenMail's standalone jar is shaded, so it never shares a classpath with Kafka. */
    public String mailClasspath() {
        return launcherTarget().resolve("classes") + File.pathSeparator + readBuildFile("mail-classpath.txt");
    }

    /** The Keycloak distribution zip Maven downloaded into the local repository. */
    public Path keycloakDistribution() {
        return Path.of(readBuildFile("keycloak-dist.txt"));
    }

    public Path serviceJar(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    /** The JDK the children run on: JAVA_HOME when it is set (run.sh sets it to JDK 25), else this JVM's. */
    public Path javaBin() {
        String javaHome = System.getenv("JAVA_HOME");
        Path home = javaHome != null && Files.isDirectory(Path.of(javaHome))
                ? Path.of(javaHome)
                : Path.of(System.getProperty("java.home"));
        return home.resolve("bin").resolve("java");
    }

    void createDirectories() {
        try {
            Files.createDirectories(logsDir());
            Files.createDirectories(pidsDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readBuildFile(String name) {
        Path file = launcherTarget().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build the launcher first"
                    + " (./mvnw -B -q -pl deploy/local -am install -DskipTests)");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
