package io.haat.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading the token of a Keycloak action link, as a key or inside the link. */
class ActionTokenTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheKeyOrTheWholeLink() {
        String key = token("{\"typ\":\"execute-actions\",\"sub\":\"u-1\",\"jti\":\"t-1\",\"exp\":4102444800,"
                + "\"rqac\":[\"VERIFY_EMAIL\"]}");
        String link = "http://localhost:8180/realms/haat/login-actions/action-token?key=" + key + "&amp;client_id=haat-web";

        for (String given : new String[] {key, link, " " + key + " "}) {
            ActionToken token = ActionToken.parse(given, json).orElseThrow();
            assertThat(token.userId()).isEqualTo("u-1");
            assertThat(token.tokenId()).isEqualTo("t-1");
            assertThat(token.allows("VERIFY_EMAIL")).isTrue();
            assertThat(token.allows("UPDATE_PASSWORD")).isFalse();
            assertThat(token.expiresAt()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
            assertThat(token.expired(token.expiresAt().minusSeconds(1))).isFalse();
            assertThat(token.expired(token.expiresAt())).as("expired from its exp on").isTrue();
        }
    }

    @Test
    void refusesWhatIsNotAnActionToken() {
        assertThat(ActionToken.parse(token("{\"typ\":\"Bearer\",\"sub\":\"u-1\"}"), json)).isEmpty();
        assertThat(ActionToken.parse(token("{\"typ\":\"execute-actions\"}"), json)).isEmpty();
        assertThat(ActionToken.parse("garbage", json)).isEmpty();
        assertThat(ActionToken.parse("http://x/?nokey=1", json)).isEmpty();
        assertThat(ActionToken.parse(null, json)).isEmpty();
    }

    private static String token(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
