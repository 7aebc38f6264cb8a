package io.haat.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.haat.identity.testing.IntegrationTestBase;
import io.haat.identity.testing.SeededAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The configured demo accounts, seeded at start-up through the registration logic (the test context lists {@link SeededAccounts}). */
class DemoAccountsTest extends IntegrationTestBase {

    @Autowired
    DemoAccountSeeder seeder;

    @Test
    void everySeededAccountLogsInWithItsRole() {
        Map<String, String> accounts = Map.of(SeededAccounts.ADMIN, "ADMIN", SeededAccounts.SELLER, "SELLER",
                SeededAccounts.CUSTOMER, "CUSTOMER", SeededAccounts.COURIER, "DELIVERY_AGENT");
        accounts.forEach((email, role) -> {
            Response tokens = login(email, SeededAccounts.PASSWORD);
            assertThat(tokens.status()).as(email).isEqualTo(200);
            Response me = get("/me", tokens.body().path("accessToken").asString());
            assertThat(me.body().path("roles").toString()).as(email).contains(role);
            assertThat(me.body().path("emailVerified").asBoolean()).as(email).isTrue();
        });
    }

    @Test
    void theSeededCustomerHasAnAddressAndSeedingAgainChangesNothing() {
        String customer = login(SeededAccounts.CUSTOMER, SeededAccounts.PASSWORD).body().path("accessToken").asString();
        Response addresses = get("/me/addresses", customer);
        assertThat(addresses.body().path("totalItems").asInt()).isEqualTo(1);
        assertThat(addresses.body().path("items").get(0).path("isDefault").asBoolean()).isTrue();

        assertThat(seeder.seed()).isZero();
        assertThat(get("/me/addresses", customer).body().path("totalItems").asInt()).isEqualTo(1);
    }
}
