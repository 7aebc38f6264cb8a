package io.haat.identity;

import io.haat.identity.auth.FailedLogins;
import io.haat.identity.phone.PhoneChallengeRepository;
import io.haat.identity.social.SocialLoginService;
import io.haat.identity.verification.PasswordResetService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes what has served its purpose: old failed logins, throttles, login attempts, used links, stale codes. */
@Component
public class Housekeeping {

    private final FailedLogins failedLogins;
    private final SocialLoginService socialLogins;
    private final PasswordResetService passwordResets;
    private final PhoneChallengeRepository phoneChallenges;
    private final JdbcClient jdbc;

    public Housekeeping(FailedLogins failedLogins, SocialLoginService socialLogins, PasswordResetService passwordResets,
                        PhoneChallengeRepository phoneChallenges, JdbcClient jdbc) {
        this.failedLogins = failedLogins;
        this.socialLogins = socialLogins;
        this.passwordResets = passwordResets;
        this.phoneChallenges = phoneChallenges;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${haat.identity.housekeeping-interval:10m}", initialDelayString = "1m")
    public void run() {
        failedLogins.purge();
        socialLogins.purgeExpired();
        passwordResets.purgeUsedTokens();
        phoneChallenges.deleteExpired();
        // every throttle interval is far below a day
        jdbc.sql("DELETE FROM throttle WHERE last_at < now() - interval '1 day'").update();
    }
}
