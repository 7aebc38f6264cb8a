package io.haat.identity;

import io.haat.identity.auth.FailedLogins;
import io.haat.identity.phone.PhoneChallengeRepository;
import io.haat.identity.phone.SmsBudget;
import io.haat.identity.support.Throttle;
import io.haat.identity.verification.ResetLinks;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes what has served its purpose: old failed logins, throttles, used links (social logins in flight expire by their own job), stale codes. */
@Component
public class Housekeeping {

    private final FailedLogins failedLogins;
    private final ResetLinks resetLinks;
    private final PhoneChallengeRepository phoneChallenges;
    private final Throttle throttle;
    private final SmsBudget smsBudget;

    public Housekeeping(FailedLogins failedLogins, ResetLinks resetLinks,
                        PhoneChallengeRepository phoneChallenges, Throttle throttle, SmsBudget smsBudget) {
        this.smsBudget = smsBudget;
        this.failedLogins = failedLogins;
        this.resetLinks = resetLinks;
        this.phoneChallenges = phoneChallenges;
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "${haat.identity.housekeeping-interval:10m}", initialDelayString = "1m")
    public void run() {
        failedLogins.purge();
        resetLinks.purgeExpired();
        phoneChallenges.deleteExpired();
        throttle.purge();
        smsBudget.purge();
    }
}
