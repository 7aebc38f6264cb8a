package io.haat.identity.phone;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.haat.identity.IdentityProperties;
import io.haat.identity.profile.ProfileService;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.support.Throttle;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.ServiceUnavailableException;
import io.haat.platform.web.TooManyRequestsException;
import org.springframework.stereotype.Service;

/**
 * Phone verification by a 6-digit one-time code: sent by SMS, stored only as an HMAC, valid for a few minutes,
 * void after too many wrong tries; new codes are throttled.
 */
@Service
public class PhoneVerificationService {

    static final String THROTTLE = "phone-code";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code is on its way. */
    public record CodeSent(String phone, Instant expiresAt, long resendAfterSeconds) {
    }

    private final ProfileService profileService;
    private final PhoneChallengeRepository challenges;
    private final PhoneCodes codes;
    private final SmsSender sms;
    private final Throttle throttle;
    private final Clock clock;
    private final IdentityProperties.Phone settings;
    private final SmsBudget budget;

    PhoneVerificationService(ProfileService profileService, PhoneChallengeRepository challenges, PhoneCodes codes,
                             SmsSender sms, Throttle throttle, Clock clock, IdentityProperties properties,
                             SmsBudget budget) {
        this.budget = budget;
        this.profileService = profileService;
        this.challenges = challenges;
        this.codes = codes;
        this.sms = sms;
        this.throttle = throttle;
        this.clock = clock;
        this.settings = properties.phone();
    }

    public CodeSent request() {
        UserProfile profile = profileService.current();
        if (profile.phone() == null) {
            throw new ConflictException("phone-missing", "No phone number",
                    "Add a phone number to your profile first (PATCH /me).");
        }
        if (profile.phoneVerified()) {
            throw new ConflictException("phone-already-verified", "Phone already verified",
                    "Your phone number is already verified.");
        }
        if (!settings.allows(profile.phone())) {
            throw new BadRequestException("phone-country-not-allowed", "Country not supported",
                    "We cannot send codes to this country yet. Use a phone number from a supported country.");
        }
        String subject = profile.id().toString();
        throttle.tryAcquire(THROTTLE, subject, settings.resendInterval()).ifPresent(wait -> {
            throw new TooManyRequestsException("phone-code-throttled", "Too many requests",
                    "A code was sent a moment ago. Wait before asking for another one.", wait);
        });
        long taken;
        try {
            taken = budget.take(profile.id(), profile.phone());
        } catch (RuntimeException refused) {
            throttle.release(THROTTLE, subject);
            throw refused;
        }
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.codeTtl());
        String codeHash = codes.hash(profile.id(), profile.phone(), code);
        challenges.save(new PhoneChallenge(profile.id(), profile.phone(), codeHash, 0, expiresAt, now));
        try {
            sms.send(profile.phone(), "Your Haat verification code is " + code + ". It expires in "
                    + settings.codeTtl().toMinutes() + " minutes. Never share it.");
        } catch (SmsSender.SmsNotSentException e) {
            budget.giveBack(taken);
            challenges.delete(profile.id());
            throttle.release(THROTTLE, subject);
            throw new ServiceUnavailableException("sms-unavailable", "SMS not sent",
                    "The code could not be sent. Please retry later.");
        }
        return new CodeSent(profile.phone(), expiresAt, settings.resendInterval().toSeconds());
    }

    public UserProfile confirm(String code) {
        UUID userId = profileService.current().id();
        // the attempt is counted in its own committed transaction, whatever the answer
        PhoneCodes.Outcome outcome = codes.check(userId, code);
        return switch (outcome.check()) {
            case VERIFIED -> outcome.profile();
            case NO_CODE -> throw new BadRequestException("phone-code-missing", "No code pending",
                    "No code is pending for your phone. Request one first.");
            case EXPIRED -> throw new BadRequestException("phone-code-expired", "Code expired",
                    "The code has expired. Request a new one.");
            case EXHAUSTED -> throw new TooManyRequestsException("phone-code-attempts-exceeded", "Too many requests",
                    "Too many wrong codes. Request a new code.", Duration.ZERO);
            case WRONG -> throw (BadRequestException) new BadRequestException("phone-code-invalid", "Wrong code",
                    "The code is not correct.").with("attemptsLeft", outcome.attemptsLeft());
            case PHONE_CHANGED -> throw new ConflictException("phone-changed", "Phone number changed",
                    "Your phone number changed after the code was sent. Request a new code.");
        };
    }
}
