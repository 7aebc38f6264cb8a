package io.haat.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real Keycloak server ({@code keycloak-quarkus-dist} from Maven), unpacked once into {@code .haat/keycloak}, run
 * in dev mode on 8180 with the {@code haat} realm imported on the first start (an existing realm is left as it is).
 */
final class KeycloakPart extends ProcessPart {

    static final int PORT = 8180;
    static final String URL = "http://localhost:" + PORT;
    static final String REALM = "haat";
    /** Admin console user (development only), created by Keycloak on its first start. */
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private static final String UNPACKED_MARKER = ".haat-distribution";

    KeycloakPart(ProcessLauncher launcher) {
        super("keycloak", launcher);
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(PORT, "Keycloak"));
    }

    @Override
    public void start() {
        Path home = workspace().dataDir("keycloak");
        unpackIfNeeded(workspace().keycloakDistribution(), home);
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(workspace().realmFile(), imports.resolve("haat-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("sh", path(home.resolve("bin/kc.sh")), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + PORT, "--hostname=" + URL, "--import-realm");
        startAndRecord(command, Map.of(
                "JAVA_HOME", workspace().javaBin().getParent().getParent().toString(),
                // JDK 25: jboss-threads resets thread locals through java.lang internals (else errors on shutdown)
                "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    @Override
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> Probes.httpOk(URL + "/realms/" + REALM + "/.well-known/openid-configuration"));
    }

    /** Unpacks the distribution (without its top directory) unless this very zip is already unpacked there. */
    static void unpackIfNeeded(Path zip, Path home) {
        Path marker = home.resolve(UNPACKED_MARKER);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(zip.getFileName().toString())) {
                return;
            }
            Files.createDirectories(home);
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    int slash = name.indexOf('/');
                    if (slash < 0 || slash == name.length() - 1) {
                        continue;
                    }
                    Path target = home.resolve(name.substring(slash + 1)).normalize();
                    if (!target.startsWith(home)) {
                        throw new IOException("entry outside the target directory: " + name);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
            Files.writeString(marker, zip.getFileName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + home, e);
        }
    }
}
