package io.haat.local;

import java.util.List;

/**
 * Creates the demo accounts of a fresh local run, skipping those that exist. The launcher has no implementation any
 * more: identity-service creates the accounts itself at start-up ({@code HAAT_DEMO_ACCOUNTS_ENABLED=true}, set by
 * {@link Lineup}; its {@code io.haat.identity.demo.DemoAccountSeeder}), and {@link DemoMarketplaceSeeder} then adds
 * the demo seller's store and products through the gateway. This is the seam for a launcher-side seeder should one
 * be needed again (e.g. an environment where identity-service cannot seed).
 */
interface DemoAccountSeeder {

    /** What seeding did, one line per account. */
    record Outcome(DemoAccount account, boolean created) {
    }

    List<Outcome> seed(List<DemoAccount> accounts);
}
