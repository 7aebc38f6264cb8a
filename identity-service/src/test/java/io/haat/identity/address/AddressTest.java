package io.haat.identity.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.haat.identity.testing.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /me/addresses}: validation, the default address, the limit, and owners only. */
class AddressTest extends IntegrationTestBase {

    @Test
    void theFirstAddressIsTheDefaultAndMakingAnotherDefaultMovesIt() {
        String token = testToken(UUID.randomUUID(), "CUSTOMER");

        Response first = post("/me/addresses", token, address("Home", false));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/me/addresses/" + first.body().path("id").asString());
        assertThat(first.body().path("isDefault").asBoolean()).isTrue();
        assertThat(first.body().path("country").asString()).isEqualTo("NP");

        Response second = post("/me/addresses", token, address("Office", true));
        assertThat(second.body().path("isDefault").asBoolean()).isTrue();
        assertThat(get("/me/addresses/" + first.body().path("id").asString(), token).body().path("isDefault")
                .asBoolean()).isFalse();

        Response list = get("/me/addresses", token);
        assertThat(list.body().path("totalItems").asInt()).isEqualTo(2);
        assertThat(list.body().path("items").valueStream().filter(a -> a.path("isDefault").asBoolean()).count())
                .isEqualTo(1);

        // deleting the default promotes the oldest remaining
        assertThat(call("DELETE", "/me/addresses/" + second.body().path("id").asString(), token, null).status())
                .isEqualTo(204);
        JsonNode remaining = get("/me/addresses", token).body().path("items");
        assertThat(remaining.size()).isEqualTo(1);
        assertThat(remaining.get(0).path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void putReplacesTheAddress() {
        String token = testToken(UUID.randomUUID(), "CUSTOMER");
        String id = post("/me/addresses", token, address("Home", false)).body().path("id").asString();
        Map<String, Object> changed = address("Moved", false);
        changed.put("city", "Pokhara");
        changed.remove("line2");

        Response replaced = call("PUT", "/me/addresses/" + id, token, changed);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().path("city").asString()).isEqualTo("Pokhara");
        assertThat(replaced.body().path("recipient").asString()).isEqualTo("Moved");
        assertThat(replaced.body().path("line2").isNull() || replaced.body().path("line2").isMissingNode()).isTrue();
        assertThat(replaced.body().path("isDefault").asBoolean()).isTrue(); // still the only one
    }

    @Test
    void anAddressBookHoldsAtMostTwenty() {
        String token = testToken(UUID.randomUUID(), "CUSTOMER");
        for (int i = 0; i < AddressBook.MAX_ADDRESSES; i++) {
            assertThat(post("/me/addresses", token, address("Recipient", false)).status()).isEqualTo(201);
        }

        Response refused = post("/me/addresses", token, address("One Too Many", false));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).endsWith("/address-limit-reached");
        assertThat(get("/me/addresses", token).body().path("totalItems").asInt()).isEqualTo(20);
    }

    @Test
    void invalidAddressesAreValidationProblems() {
        String token = testToken(UUID.randomUUID(), "CUSTOMER");
        assertInvalid(token, "country", "XX");
        assertInvalid(token, "country", "Nepal");
        assertInvalid(token, "phone", "9812345678");
        assertInvalid(token, "line1", " ");
        assertInvalid(token, "city", null);
        assertInvalid(token, "recipient", "<b>x</b>");
        assertInvalid(token, "postalCode", "!!");
        assertThat(post("/me/addresses", token, "{\"isDefault\": \"perhaps\"}").status()).isEqualTo(400);
        assertThat(get("/me/addresses/not-a-uuid", token).status()).isEqualTo(400);
    }

    @Test
    void someoneElsesAddressDoesNotExistForYou() {
        String owner = testToken(UUID.randomUUID(), "CUSTOMER");
        String other = testToken(UUID.randomUUID(), "CUSTOMER");
        String id = post("/me/addresses", owner, address("Mine", false)).body().path("id").asString();

        assertThat(get("/me/addresses/" + id, other).status()).isEqualTo(404);
        assertThat(call("PUT", "/me/addresses/" + id, other, address("Stolen", true)).status()).isEqualTo(404);
        assertThat(call("DELETE", "/me/addresses/" + id, other, null).status()).isEqualTo(404);
        assertThat(get("/me/addresses", other).body().path("totalItems").asInt()).isZero();
        assertThat(get("/me/addresses/" + id, owner).body().path("recipient").asString()).isEqualTo("Mine");
    }

    @Test
    void addressesNeedAToken() {
        String id = UUID.randomUUID().toString();
        assertThat(get("/me/addresses", null).status()).isEqualTo(401);
        assertThat(post("/me/addresses", null, address("Anonymous", false)).status()).isEqualTo(401);
        assertThat(get("/me/addresses/" + id, null).status()).isEqualTo(401);
        assertThat(call("PUT", "/me/addresses/" + id, null, address("Anonymous", false)).status()).isEqualTo(401);
        assertThat(call("DELETE", "/me/addresses/" + id, null, null).status()).isEqualTo(401);
    }

    private void assertInvalid(String token, String field, String value) {
        Map<String, Object> body = address("Recipient", false);
        body.put(field, value);
        Response refused = post("/me/addresses", token, body);
        assertThat(refused.status()).as(field + "=" + value).isEqualTo(400);
        assertThat(refused.body().path("errors").toString()).as(field).contains("\"field\":\"" + field + "\"");
    }

    private static Map<String, Object> address(String recipient, boolean isDefault) {
        Map<String, Object> body = new HashMap<>();
        body.put("recipient", recipient);
        body.put("phone", "+9779812345678");
        body.put("line1", "Thamel Marg 4");
        body.put("line2", "Flat 2");
        body.put("city", "Kathmandu");
        body.put("region", "Bagmati");
        body.put("postalCode", "44600");
        body.put("country", "np");
        body.put("isDefault", isDefault);
        return body;
    }
}
