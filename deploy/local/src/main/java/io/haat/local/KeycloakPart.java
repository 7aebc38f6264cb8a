package io.haat.local;

import io.haat.test.keycloak.KeycloakDistribution;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real Keycloak server ({@code keycloak-quarkus-dist} from Maven), unpacked once into {@code .haat/keycloak}, run
 * in dev mode on 8180 with the {@code haat} realm imported on the first start (an existing realm is left as it is).
 * How it is unpacked and started is platform-test's {@link KeycloakDistribution}, shared with the tests' Keycloak.
 */
final class KeycloakPart extends ProcessPart {

    static final int PORT = 8180;
    static final String URL = KeycloakDistribution.url(PORT);
    static final String ISSUER = KeycloakDistribution.issuer(PORT);
    /** Admin console user (development only), created by Keycloak on its first start. */
    static final String ADMIN_USER = KeycloakDistribution.ADMIN_USER;
    static final String ADMIN_PASSWORD = KeycloakDistribution.ADMIN_PASSWORD;

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
        KeycloakDistribution.unpackIfNeeded(workspace().keycloakDistribution(), home);
        KeycloakDistribution.placeRealm(workspace().realmFile(), home);
        startAndRecord(KeycloakDistribution.command(home, PORT),
                KeycloakDistribution.environment(workspace().javaBin().getParent().getParent()));
    }

    @Override
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> Probes.httpOk(KeycloakDistribution.readinessUrl(PORT)));
    }
}
