package io.haat.identity.testing;

import java.util.concurrent.CompletableFuture;

import io.haat.test.HaatInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before the first test class: Keycloak (the slowest part) and the platform's PostgreSQL and Kafka start in
 * parallel, so the Spring context that follows finds them all running.
 */
public class KeycloakExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        CompletableFuture<TestKeycloak> keycloak = CompletableFuture.supplyAsync(TestKeycloak::get);
        HaatInfrastructure.get().start(HaatInfrastructure.Part.POSTGRES, HaatInfrastructure.Part.KAFKA,
                HaatInfrastructure.Part.JWT);
        keycloak.join();
    }
}
