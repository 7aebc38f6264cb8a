package io.haat.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.haat.identity.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The local demo accounts of API.md, seeded at start-up through the registration logic (the test context enables it). */
class DemoAccountsTest extends IntegrationTestBase {

    @Autowired
    DemoAccountSeeder seeder;

    @Test
    void theFourDemoAccountsLogInWithTheirRoles() {
        Map<String, String> accounts = Map.of("admin@haat.local", "ADMIN", "seller@haat.local", "SELLER",
                "customer@haat.local", "CUSTOMER", "courier@haat.local", "DELIVERY_AGENT");
        accounts.forEach((email, role) -> {
            Response tokens = login(email, "haat-" + email.substring(0, email.indexOf('@')));
            assertThat(tokens.status()).as(email).isEqualTo(200);
            Response me = get("/me", tokens.body().path("accessToken").asString());
            assertThat(me.body().path("roles").toString()).as(email).contains(role);
            assertThat(me.body().path("emailVerified").asBoolean()).as(email).isTrue();
        });
    }

    @Test
    void theDemoCustomerHasAnAddressAndSeedingAgainChangesNothing() {
        String customer = login("customer@haat.local", "haat-customer").body().path("accessToken").asString();
        Response addresses = get("/me/addresses", customer);
        assertThat(addresses.body().path("totalItems").asInt()).isEqualTo(1);
        assertThat(addresses.body().path("items").get(0).path("isDefault").asBoolean()).isTrue();

        assertThat(seeder.seed()).isZero();
        assertThat(get("/me/addresses", customer).body().path("totalItems").asInt()).isEqualTo(1);
    }
}
