package io.haat.identity.phone;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.haat.identity.IdentityProperties;
import io.haat.identity.profile.ProfileEvents;
import io.haat.identity.profile.ProfileService;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.identity.support.Throttle;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.ServiceUnavailableException;
import io.haat.platform.web.TooManyRequestsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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

    private enum Check { VERIFIED, NO_CODE, EXPIRED, EXHAUSTED, WRONG, PHONE_CHANGED }

    private record Outcome(Check check, int attemptsLeft, UserProfile profile) {
    }

    private final ProfileService profileService;
    private final UserProfileRepository profiles;
    private final PhoneChallengeRepository challenges;
    private final ProfileEvents events;
    private final SmsSender sms;
    private final Throttle throttle;
    private final TransactionTemplate transaction;
    private final IdentityProperties.Phone settings;

    public PhoneVerificationService(ProfileService profileService, UserProfileRepository profiles,
                                    PhoneChallengeRepository challenges, ProfileEvents events, SmsSender sms,
                                    Throttle throttle, TransactionTemplate transaction, IdentityProperties properties) {
        this.profileService = profileService;
        this.profiles = profiles;
        this.challenges = challenges;
        this.events = events;
        this.sms = sms;
        this.throttle = throttle;
        this.transaction = transaction;
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
        String subject = profile.id().toString();
        throttle.tryAcquire(THROTTLE, subject, settings.resendInterval()).ifPresent(wait -> {
            throw new TooManyRequestsException("phone-code-throttled", "Too many requests",
                    "A code was sent a moment ago. Wait before asking for another one.", wait);
        });
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant now = Instant.now();
        Instant expiresAt = now.plus(settings.codeTtl());
        challenges.save(new PhoneChallenge(profile.id(), profile.phone(), hash(profile.id(), profile.phone(), code), 0,
                expiresAt, now));
        try {
            sms.send(profile.phone(), "Your Haat verification code is " + code + ". It expires in "
                    + settings.codeTtl().toMinutes() + " minutes. Never share it.");
        } catch (SmsSender.SmsNotSentException e) {
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
        Outcome outcome = transaction.execute(status -> check(userId, code));
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

    private Outcome check(UUID userId, String code) {
        PhoneChallenge challenge = challenges.lock(userId).orElse(null);
        if (challenge == null) {
            return new Outcome(Check.NO_CODE, 0, null);
        }
        if (challenge.expired(Instant.now())) {
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
