package io.haat.local;

import java.util.List;

/**
 * Creates the demo accounts of a fresh local run, skipping those that exist. Today {@link KeycloakDemoAccountSeeder}
 * writes to Keycloak directly; once identity-service offers sign-up and admin role assignment, an implementation
 * calling it through the gateway replaces that one here and nothing else changes.
 */
interface DemoAccountSeeder {

    /** What seeding did, one line per account. */
    record Outcome(DemoAccount account, boolean created) {
    }

    List<Outcome> seed(List<DemoAccount> accounts);
}
