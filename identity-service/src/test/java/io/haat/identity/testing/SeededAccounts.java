package io.haat.identity.testing;

/**
 * The accounts the tests have identity-service seed at start-up ({@code haat.identity.demo-accounts}, set in
 * {@link IdentityIntegrationTest}), one per role the seeder alone can give. Test fixtures, not the local run's demo
 * accounts (those are the launcher's).
 */
public final class SeededAccounts {

    public static final String PASSWORD = "seeded-account-pass";
    public static final String ADMIN = "admin@seeded.test";
    public static final String SELLER = "seller@seeded.test";
    public static final String CUSTOMER = "customer@seeded.test";
    public static final String COURIER = "courier@seeded.test";

    private SeededAccounts() {
    }
}
