package io.haat.identity.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.haat.identity.IdentityProperties;
import io.haat.identity.testing.IntegrationTestBase;
import io.haat.platform.web.TooManyRequestsException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Phone verification by one-time code (the development SMS adapter records what it "sends"). */
class PhoneVerificationTest extends IntegrationTestBase {

    @Autowired
    LoggingSmsSender sms;

    @Test
    void theCodeFromTheSmsVerifiesThePhoneAndOnlyItsHashIsStored() {
        UUID user = UUID.randomUUID();
        String token = withPhone(user, "+9779800000101");

        Response sent = post("/auth/verify-phone/request", token, null);
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().path("phone").asString()).isEqualTo("+9779800000101");
        String code = codeSentTo("+9779800000101");
        assertThat(jdbc.sql("SELECT code_hash FROM phone_challenge WHERE user_id = :id").param("id", user)
                .query(String.class).single()).hasSize(64).doesNotContain(code);

        Response wrong = post("/auth/verify-phone/confirm", token, Map.of("code", otherThan(code)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problemType()).endsWith("/phone-code-invalid");
        assertThat(wrong.body().path("attemptsLeft").asInt()).isEqualTo(4);

        Response confirmed = post("/auth/verify-phone/confirm", token, Map.of("code", code));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().path("phoneVerified").asBoolean()).isTrue();
        assertThat(get("/me", token).body().path("phoneVerified").asBoolean()).isTrue();

        // a new number is not verified
        Response changed = call("PATCH", "/me", token, Map.of("phone", "+9779800000102"));
        assertThat(changed.body().path("phoneVerified").asBoolean()).isFalse();
    }

    @Test
    void fiveWrongCodesVoidTheCode() {
        String token = withPhone(UUID.randomUUID(), "+9779800000201");
        post("/auth/verify-phone/request", token, null);
        String code = codeSentTo("+9779800000201");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(post("/auth/verify-phone/confirm", token, Map.of("code", otherThan(code))).status()).isEqualTo(400);
        }
        Response exhausted = post("/auth/verify-phone/confirm", token, Map.of("code", code));

        assertThat(exhausted.status()).isEqualTo(429);
        assertThat(exhausted.problemType()).endsWith("/phone-code-attempts-exceeded");
    }

    @Test
    void anExpiredCodeIsRefusedAndNewCodesAreThrottled() {
        UUID user = UUID.randomUUID();
        String token = withPhone(user, "+9779800000301");
        post("/auth/verify-phone/request", token, null);
        String code = codeSentTo("+9779800000301");

        Response tooSoon = post("/auth/verify-phone/request", token, null);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.header("Retry-After")).isNotBlank();

        jdbc.sql("UPDATE phone_challenge SET expires_at = now() - interval '1 second' WHERE user_id = :id")
                .param("id", user).update();
        Response expired = post("/auth/verify-phone/confirm", token, Map.of("code", code));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.problemType()).endsWith("/phone-code-expired");

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> post("/auth/verify-phone/request", token, null).status() == 202);
    }

    @Test
    void aCodeForTheOldNumberDoesNotVerifyTheNewOne() {
        String token = withPhone(UUID.randomUUID(), "+9779800000401");
        post("/auth/verify-phone/request", token, null);
        String code = codeSentTo("+9779800000401");
        call("PATCH", "/me", token, Map.of("phone", "+9779800000402"));

        Response refused = post("/auth/verify-phone/confirm", token, Map.of("code", code));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).endsWith("/phone-code-missing");
    }

    @Test
    void withoutAPhoneOrWithABadCodeTheRequestIsRefused() {
        String token = testToken(UUID.randomUUID(), "CUSTOMER");
        Response noPhone = post("/auth/verify-phone/request", token, null);
        assertThat(noPhone.status()).isEqualTo(409);
        assertThat(noPhone.problemType()).endsWith("/phone-missing");
        assertThat(post("/auth/verify-phone/confirm", token, Map.of("code", "12ab56")).status()).isEqualTo(400);
        assertThat(post("/auth/verify-phone/request", null, null).status()).isEqualTo(401);
        assertThat(post("/auth/verify-phone/confirm", null, Map.of("code", "123456")).status()).isEqualTo(401);
    }

    @Test
    void codesGoOnlyToNumbersOfAllowedCountries() {
        String token = withPhone(UUID.randomUUID(), "+4930901820");

        Response refused = post("/auth/verify-phone/request", token, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).endsWith("/phone-country-not-allowed");
        assertThat(sms.lastTo("+4930901820")).isEmpty();
    }

    @Test
    void oneNumberGetsAFewCodesAnHourWhoeverAsks() {
        String number = "+97798000005" + (10 + (int) (Math.random() * 89));
        for (int i = 0; i < 3; i++) {
            String token = withPhone(UUID.randomUUID(), number);
            assertThat(post("/auth/verify-phone/request", token, null).status()).isEqualTo(202);
        }

        Response refused = post("/auth/verify-phone/request", withPhone(UUID.randomUUID(), number), null);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).endsWith("/phone-number-limit");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void oneUserGetsAFewCodesADayWhateverTheirNumbers() {
        UUID user = UUID.randomUUID();
        String token = withPhone(user, "+9779800000601");
        for (int i = 0; i < 6; i++) {
            jdbc.sql("INSERT INTO sms_sent (user_id, phone, sent_at) VALUES (:user, :phone, now() - interval '2 hours')")
                    .param("user", user).param("phone", "+97798000007" + i).update();
        }

        Response refused = post("/auth/verify-phone/request", token, null);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).endsWith("/phone-code-daily-limit");
        assertThat(sms.lastTo("+9779800000601")).isEmpty();
    }

    @Test
    void theDailyBudgetCapsEveryoneTogether() {
        long sentToday = jdbc.sql("SELECT count(*) FROM sms_sent WHERE sent_at > now() - interval '1 day'")
                .query(Long.class).single();
        IdentityProperties tight = new Binder(new MapConfigurationPropertySource(Map.of(
                "haat.identity.phone.daily-budget", Long.toString(sentToday + 1))))
                .bindOrCreate("haat.identity", IdentityProperties.class);
        SmsBudget budget = new SmsBudget(jdbc, Clock.systemUTC(), tight);

        long taken = budget.take(UUID.randomUUID(), "+9779800000801");
        assertThatThrownBy(() -> budget.take(UUID.randomUUID(), "+9779800000802"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        refused -> assertThat(refused.type().toString()).endsWith("/sms-budget-exhausted"));
        budget.giveBack(taken);
        budget.giveBack(budget.take(UUID.randomUUID(), "+9779800000803"));
    }

    private String withPhone(UUID user, String phone) {
        String token = testToken(user, "CUSTOMER");
        assertThat(call("PATCH", "/me", token, Map.of("phone", phone)).status()).isEqualTo(200);
        return token;
    }

    private String codeSentTo(String phone) {
        String text = sms.lastTo(phone).orElseThrow().text();
        return text.replaceAll(".*code is (\\d{6}).*", "$1");
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
