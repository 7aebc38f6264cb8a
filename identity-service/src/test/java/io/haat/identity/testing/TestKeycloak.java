package io.haat.identity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.haat.test.keycloak.KeycloakServer;

/**
 * The real Keycloak of the tests, started once per test JVM the way {@code ./run.sh} does (platform-test's
 * {@link KeycloakServer}), with the realm of {@code deploy/keycloak}, on ports that do not clash with a running {@code ./run.sh}:
 * Keycloak on {@value #PORT}, its SMTP server (an in-process GreenMail) on {@value #SMTP_PORT}. The built server
 * is kept in {@code ~/.haat-test/keycloak}, so only the first run pays for Keycloak's build.
 */
public final class TestKeycloak {

    public static final int PORT = 18180;
    public static final int SMTP_PORT = 13025;
    public static final String URL = "http://localhost:" + PORT;

    private static TestKeycloak instance;

    private final KeycloakServer server;
    private final GreenMail mail;

    private TestKeycloak(KeycloakServer server, GreenMail mail) {
        this.server = server;
        this.mail = mail;
    }

    /** Starts Keycloak and the mail server on first use; later calls return at once. */
    public static synchronized TestKeycloak get() {
        if (instance == null) {
            long started = System.nanoTime();
            GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            KeycloakServer server;
            try {
                server = start();
            } catch (RuntimeException e) {
                mail.stop(); // else the next test class cannot bind the SMTP port and hides this failure behind its own
                throw e;
            }
            instance = new TestKeycloak(server, mail);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                mail.stop();
            }, "test-keycloak-stop"));
            System.out.printf("[identity-test] keycloak ready in %.1f s: %s (home %s)%n",
                    (System.nanoTime() - started) / 1e9, server.url(), server.home());
        }
        return instance;
    }

    private static KeycloakServer start() {
        Path repo = Path.of(System.getProperty("haat.repo", "..")).toAbsolutePath().normalize();
        String distribution = System.getProperty("haat.test.keycloak.distribution", "");
        if (distribution.isBlank() || distribution.startsWith("${")) {
            throw new IllegalStateException("-Dhaat.test.keycloak.distribution=<keycloak-quarkus-dist zip> is not set;"
                    + " run the tests through Maven (identity-service/pom.xml sets it)");
        }
        KeycloakServer.Builder builder = KeycloakServer.builder()
                .distribution(Path.of(distribution))
                .realm(repo.resolve("deploy/keycloak/haat-realm.json"))
                .port(PORT)
                .environment("HAAT_SMTP_HOST", "127.0.0.1")
                .environment("HAAT_SMTP_PORT", Integer.toString(SMTP_PORT))
                .startupTimeout(Duration.ofMinutes(4));
        Path shared = Path.of(System.getProperty("user.home"), ".haat-test", "keycloak");
        try {
            return startIn(builder, shared, repo);
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("another running Keycloak")) {
                throw e;
            }
            // another JVM uses the shared copy: build a private one (slower, first start only)
            return startIn(builder, privateHome(repo), repo);
        }
    }

    /**
     * Keycloak's database is kept between runs (a fresh one costs ~20 s of schema creation and import) unless the
     * realm file changed since it was imported. Tests use unique emails, so earlier runs' users do not matter.
     */
    private static KeycloakServer startIn(KeycloakServer.Builder builder, Path home, Path repo) {
        String realm = realmDigest(repo.resolve("deploy/keycloak/haat-realm.json"));
        Path marker = home.resolve(".haat-test-realm.sha256");
        boolean sameRealm = Files.isRegularFile(marker) && read(marker).equals(realm);
        KeycloakServer server = builder.home(home).freshData(!sameRealm).start();
        write(marker, realm);
        return server;
    }

    private static String realmDigest(Path realmFile) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(realmFile));
            return HexFormat.of().formatHex(digest) + " smtp=" + SMTP_PORT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path privateHome(Path repo) {
        try {
            return Files.createDirectories(repo.resolve("identity-service/target/keycloak"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KeycloakServer server() {
        return server;
    }

    public GreenMail mail() {
        return mail;
    }

    public String issuer() {
        return server.issuer();
    }
}
