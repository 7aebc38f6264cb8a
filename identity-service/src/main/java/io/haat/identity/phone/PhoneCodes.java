package io.haat.identity.phone;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.haat.identity.IdentityProperties;
import io.haat.identity.profile.ProfileEvents;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserProfileRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time codes: stored only as an HMAC, and checked in a transaction of their own that commits whatever the
 * answer, so a wrong code's attempt counts although the request then fails.
 */
@Component
class PhoneCodes {

    enum Check { VERIFIED, NO_CODE, EXPIRED, EXHAUSTED, WRONG, PHONE_CHANGED }

    /** What {@link #check} found; {@code profile} only when {@link Check#VERIFIED}. */
    record Outcome(Check check, int attemptsLeft, UserProfile profile) {
    }

    private final UserProfileRepository profiles;
    private final PhoneChallengeRepository challenges;
    private final ProfileEvents events;
    private final Clock clock;
    private final IdentityProperties.Phone settings;

    PhoneCodes(UserProfileRepository profiles, PhoneChallengeRepository challenges, ProfileEvents events, Clock clock,
               IdentityProperties properties) {
        this.profiles = profiles;
        this.challenges = challenges;
        this.events = events;
        this.clock = clock;
        this.settings = properties.phone();
    }

    /** Checks the user's pending code: counts a wrong one, and marks the phone verified for the right one. */
    @Transactional
    public Outcome check(UUID userId, String code) {
        PhoneChallenge challenge = challenges.lock(userId).orElse(null);
        if (challenge == null) {
            return new Outcome(Check.NO_CODE, 0, null);
        }
        if (challenge.expired(clock.instant())) {
            challenges.delete(userId);
            return new Outcome(Check.EXPIRED, 0, null);
        }
        if (challenge.exhausted(settings.maxAttempts())) {
            return new Outcome(Check.EXHAUSTED, 0, null);
        }
        if (!MessageDigest.isEqual(hash(userId, challenge.phone(), code).getBytes(StandardCharsets.US_ASCII),
                challenge.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            challenges.countAttempt(userId);
            return new Outcome(Check.WRONG, settings.maxAttempts() - challenge.attempts() - 1, null);
        }
        challenges.delete(userId);
        UserProfile profile = profiles.lockById(userId).orElseThrow();
        if (!profile.markPhoneVerified(challenge.phone())) {
            return new Outcome(Check.PHONE_CHANGED, 0, null);
        }
        UserProfile saved = profiles.update(profile);
        events.changed(saved);
        return new Outcome(Check.VERIFIED, 0, saved);
    }

    /** HMAC-SHA256 over user, number and code: a leaked table does not give the codes away. */
    String hash(UUID userId, String phone, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.codeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((userId + "|" + phone + "|" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
