package io.haat.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local demo logins (development only), defined here once: identity-service creates them at start-up from the
 * environment the launcher gives it ({@link #identityServiceEnvironment()}), the demo data seeder and the e2e suite log
 * in with them, and the launcher prints them. README and docs/running-locally.md list them for people.
 */
public enum DemoAccount {

    ADMIN("admin@haat.local", "haat-admin", "ADMIN", "Asha Admin"),
    SELLER("seller@haat.local", "haat-seller", "SELLER", "Sita Seller"),
    CUSTOMER("customer@haat.local", "haat-customer", "CUSTOMER", "Chandra Customer"),
    COURIER("courier@haat.local", "haat-courier", "DELIVERY_AGENT", "Kiran Courier");

    private final String email;
    private final String password;
    private final String role;
    private final String fullName;

    DemoAccount(String email, String password, String role, String fullName) {
        this.email = email;
        this.password = password;
        this.role = role;
        this.fullName = fullName;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    /** The realm role, as in the token's {@code realm_access.roles}. */
    public String role() {
        return role;
    }

    public String fullName() {
        return fullName;
    }

    /**
     * identity-service's {@code haat.identity.demo-accounts.*} as environment variables (Spring Boot binds
     * {@code _<n>_} to a list index): seeding switched on, and every account.
     */
    static Map<String, String> identityServiceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HAAT_DEMO_ACCOUNTS_ENABLED", "true");
        for (DemoAccount account : values()) {
            String prefix = "HAAT_IDENTITY_DEMOACCOUNTS_ACCOUNTS_" + account.ordinal() + "_";
            environment.put(prefix + "EMAIL", account.email);
            environment.put(prefix + "PASSWORD", account.password);
            environment.put(prefix + "ROLE", account.role);
            environment.put(prefix + "FULLNAME", account.fullName);
        }
        return environment;
    }
}
