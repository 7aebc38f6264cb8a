package io.haat.test.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How Haat runs the real Keycloak server ({@code keycloak-quarkus-dist} from Maven): unpacked into a home directory,
 * {@code kc.sh start-dev} on loopback with the {@code haat} realm imported from that home's {@code data/import}. One
 * definition for the local run (the launcher's {@code KeycloakPart}) and the tests ({@link KeycloakServer}); JDK only,
 * so that the launcher can use it without the rest of platform-test.
 */
public final class KeycloakDistribution {

    public static final String REALM = "haat";
    /** Master-realm admin (development only), created by Keycloak when its database is new. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    /**
     * The variable the realm file takes the {@code haat-services} client secret from ({@code "${HAAT_SERVICES_CLIENT_SECRET}"},
     * no default in the file: a production import gets it from the environment only), and the development value
     * identity-service and payment-service default to when it is not set.
     */
    public static final String SERVICES_CLIENT_SECRET_VARIABLE = "HAAT_SERVICES_CLIENT_SECRET";
    public static final String DEVELOPMENT_SERVICES_CLIENT_SECRET = "dev-only-haat-services-secret";
    /** Likewise for the {@code haat-login} client of identity-service's password logins. */
    public static final String LOGIN_CLIENT_SECRET_VARIABLE = "HAAT_LOGIN_CLIENT_SECRET";
    public static final String DEVELOPMENT_LOGIN_CLIENT_SECRET = "dev-only-haat-login-secret";

    private static final String UNPACKED_MARKER = ".haat-distribution";

    private KeycloakDistribution() {
    }

    /** The token issuer of the {@code haat} realm of a Keycloak on {@code port}. */
    public static String issuer(int port) {
        return url(port) + "/realms/" + REALM;
    }

    /** {@code http://localhost:<port>}, also Keycloak's configured hostname (the {@code iss} of its tokens). */
    public static String url(int port) {
        return "http://localhost:" + port;
    }

    /** What answers 200 once the realm is imported and Keycloak serves it. */
    public static String readinessUrl(int port) {
        return issuer(port) + "/.well-known/openid-configuration";
    }

    /** Unpacks the distribution (without its top directory) unless this very zip is already unpacked there. */
    public static void unpackIfNeeded(Path zip, Path home) {
        Path marker = home.resolve(UNPACKED_MARKER);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(zip.getFileName().toString())) {
                return;
            }
            Files.createDirectories(home);
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                Path root = home.toAbsolutePath().normalize();
                while (entries.hasMoreElements()) {
                    unpack(archive, entries.nextElement(), root);
                }
            }
            Files.writeString(marker, zip.getFileName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + home, e);
        }
    }

    private static void unpack(ZipFile archive, ZipEntry entry, Path root) throws IOException {
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
            return;
        }
        Path target = root.resolve(name.substring(slash + 1)).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("entry outside the target directory: " + name);
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (name.endsWith(".sh")) {
            target.toFile().setExecutable(true);
        }
    }

    /**
     * Puts the realm export where {@code --import-realm} reads it (a realm that exists already is left as it is), and
     * the themes kept next to it ({@code deploy/keycloak/themes/<name>}, e.g. the {@code haat} email theme the realm
     * names) into the server's {@code themes} directory, replacing an older copy, and the password blacklists kept
     * next to it ({@code deploy/keycloak/password-blacklists/*.txt}, named by the realm's {@code passwordBlacklist}
     * policy) into {@code data/password-blacklists}, where Keycloak's blacklist policy reads them by default.
     */
    public static void placeRealm(Path realmFile, Path home) {
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve("haat-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path themes = realmFile.toAbsolutePath().getParent().resolve("themes");
            if (Files.isDirectory(themes)) {
                try (Stream<Path> names = Files.list(themes)) {
                    for (Path theme : names.filter(Files::isDirectory).toList()) {
                        Path target = home.resolve("themes").resolve(theme.getFileName().toString());
                        deleteTree(target);
                        copyTree(theme, target);
                    }
                }
            }
            Path blacklists = realmFile.toAbsolutePath().getParent().resolve("password-blacklists");
            if (Files.isDirectory(blacklists)) {
                Path target = Files.createDirectories(home.resolve("data/password-blacklists"));
                try (Stream<Path> lists = Files.list(blacklists)) {
                    for (Path list : lists.filter(file -> file.getFileName().toString().endsWith(".txt")).toList()) {
                        Files.copy(list, target.resolve(list.getFileName().toString()),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place " + realmFile + " and its themes in " + home, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The command line that starts the unpacked server in {@code home} (run it with {@link #environment}). */
    public static List<String> command(Path home, int port) {
        String kcSh = home.resolve("bin/kc.sh").toAbsolutePath().toString().replace(File.separatorChar, '/');
        return List.of("sh", kcSh, "start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=" + url(port), "--import-realm");
    }

    /**
     * The environment of {@link #command}: the JDK to run on, the development admin, and the {@code haat-services}
     * and {@code haat-login} secrets the services use (this JVM's {@code HAAT_SERVICES_CLIENT_SECRET} and
     * {@code HAAT_LOGIN_CLIENT_SECRET}, which the services started beside it inherit too, or their development defaults).
     */
    public static Map<String, String> environment(Path javaHome) {
        return Map.of(
                SERVICES_CLIENT_SECRET_VARIABLE, fromEnvironment(SERVICES_CLIENT_SECRET_VARIABLE, DEVELOPMENT_SERVICES_CLIENT_SECRET),
                LOGIN_CLIENT_SECRET_VARIABLE, fromEnvironment(LOGIN_CLIENT_SECRET_VARIABLE, DEVELOPMENT_LOGIN_CLIENT_SECRET),
                "JAVA_HOME", javaHome.toString(),
                // JDK 25: jboss-threads resets thread locals through java.lang internals (else errors on shutdown)
                "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    private static String fromEnvironment(String variable, String developmentDefault) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? developmentDefault : value;
    }
}
