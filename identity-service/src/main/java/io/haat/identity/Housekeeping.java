package io.haat.identity;

import io.haat.identity.auth.FailedLogins;
import io.haat.identity.phone.PhoneChallengeRepository;
import io.haat.identity.social.SocialLoginService;
import io.haat.identity.support.Throttle;
import io.haat.identity.verification.ResetLinks;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes what has served its purpose: old failed logins, throttles, login attempts, used links, stale codes. */
@Component
public class Housekeeping {

    private final FailedLogins failedLogins;
    private final SocialLoginService socialLogins;
    private final ResetLinks resetLinks;
    private final PhoneChallengeRepository phoneChallenges;
    private final Throttle throttle;

    public Housekeeping(FailedLogins failedLogins, SocialLoginService socialLogins, ResetLinks resetLinks,
                        PhoneChallengeRepository phoneChallenges, Throttle throttle) {
        this.failedLogins = failedLogins;
        this.socialLogins = socialLogins;
        this.resetLinks = resetLinks;
        this.phoneChallenges = phoneChallenges;
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "${haat.identity.housekeeping-interval:10m}", initialDelayString = "1m")
    public void run() {
        failedLogins.purge();
        socialLogins.purgeExpired();
        resetLinks.purgeExpired();
        phoneChallenges.deleteExpired();
        throttle.purge();
    }
}
