package io.haat.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code haat.identity.*}: Keycloak, frontend URLs, verification, SMS, alert and demo-account settings. */
@ConfigurationProperties("haat.identity")
public record IdentityProperties(@DefaultValue Keycloak keycloak, @DefaultValue Web web,
                                 @DefaultValue Verification verification, @DefaultValue Phone phone,
                                 @DefaultValue Sms sms, @DefaultValue Alerts alerts,
                                 @DefaultValue Login login, @DefaultValue SocialLogin socialLogin,
                                 @DefaultValue DemoAccounts demoAccounts) {

    /**
     * @param url                  where this service reaches Keycloak
     * @param publicUrl            where browsers reach it (social login redirects); empty = {@code url}
     * @param loginClientId        the public client of password login, refresh, logout and code exchange
     * @param servicesClientId     the confidential client whose service account manages users
     * @param passwordClientId     the confidential client of password logins (the only one with direct grants in
     *                             production: password logins go through this service, behind the gateway's limits)
     */
    public record Keycloak(@DefaultValue("http://localhost:8180") String url, String publicUrl,
                           @DefaultValue("haat") String realm, @DefaultValue("haat-web") String loginClientId,
                           @DefaultValue("haat-services") String servicesClientId, String servicesClientSecret,
                           @DefaultValue("haat-login") String passwordClientId, String passwordClientSecret,
                           @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

        public Keycloak {
            url = stripSlash(url);
            publicUrl = publicUrl == null || publicUrl.isBlank() ? url : stripSlash(publicUrl);
        }

        public String realmUrl() {
            return url + "/realms/" + realm;
        }

        public String adminUrl() {
            return url + "/admin/realms/" + realm;
        }

        public String tokenUrl() {
            return realmUrl() + "/protocol/openid-connect/token";
        }

        public String publicAuthorizationUrl() {
            return publicUrl + "/realms/" + realm + "/protocol/openid-connect/auth";
        }

        private static String stripSlash(String value) {
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }
    }

    /** Frontend addresses Keycloak sends people back to; they must be redirect URIs of the login client. */
    public record Web(@DefaultValue("http://localhost:3000/email-verified") URI emailVerifiedRedirectUri,
                      @DefaultValue("http://localhost:3000/login") URI passwordResetRedirectUri,
                      @DefaultValue("http://localhost:3000/auth/callback") List<String> socialRedirectUris) {
    }

    public record Verification(@DefaultValue("60s") Duration emailResendInterval,
                               @DefaultValue("24h") Duration emailLinkLifespan,
                               @DefaultValue("60s") Duration passwordResetInterval,
                               @DefaultValue("30m") Duration passwordResetLinkLifespan) {
    }

    /**
     * Phone codes. Against SMS toll fraud (codes sent to premium numbers at the marketplace's cost): only numbers
     * starting with one of {@code allowedPrefixes} (E.164, e.g. {@code +977}; none = no SMS at all), at most
     * {@code maxPerNumberPerHour} / {@code maxPerNumberPerDay} codes to one number, {@code maxPerUserPerDay} to one
     * user whatever their numbers, and {@code dailyBudget} codes in total per 24 hours.
     */
    public record Phone(@DefaultValue("5m") Duration codeTtl, @DefaultValue("5") int maxAttempts,
                        @DefaultValue("60s") Duration resendInterval,
                        @DefaultValue("dev-only-haat-phone-code-secret") String codeSecret,
                        @DefaultValue({"+977", "+91"}) List<String> allowedPrefixes,
                        @DefaultValue("3") int maxPerNumberPerHour, @DefaultValue("6") int maxPerNumberPerDay,
                        @DefaultValue("6") int maxPerUserPerDay, @DefaultValue("2000") int dailyBudget) {

        public Phone {
            allowedPrefixes = allowedPrefixes == null ? List.of()
                    : allowedPrefixes.stream().map(String::strip).filter(prefix -> !prefix.isEmpty()).toList();
        }

        public boolean allows(String phone) {
            return phone != null && allowedPrefixes.stream().anyMatch(phone::startsWith);
        }
    }

    /** @param provider {@code log} (development adapter) or {@code http} (a real SMS API) */
    public record Sms(@DefaultValue("log") String provider, @DefaultValue Http http) {

        public record Http(URI url, String apiKey, @DefaultValue("Haat") String sender,
                           @DefaultValue("5s") Duration timeout) {
        }
    }

    /**
     * Limits of {@code POST /auth/login} (beside Keycloak's per-account lockout): failed logins within
     * {@code failureWindow} from one client address, and from all addresses together; past either, 429. A refused
     * login is answered no sooner than {@code failureMinDuration} after it arrived, whatever the reason, so the time
     * does not tell an unknown email from a wrong password or a locked account.
     */
    public record Login(@DefaultValue("15m") Duration failureWindow, @DefaultValue("100") int maxFailuresPerIp,
                        @DefaultValue("10000") int maxFailuresGlobal,
                        @DefaultValue("400ms") Duration failureMinDuration) {
    }

    /** Social logins in flight (anonymous rows): they expire after {@code stateTtl}; at most {@code maxPending}. */
    public record SocialLogin(@DefaultValue("10m") Duration stateTtl, @DefaultValue("10000") int maxPending,
                              @DefaultValue("500") int purgeBatch) {
    }

    public record Alerts(@DefaultValue("10") int failedLoginThreshold, @DefaultValue("5m") Duration failedLoginWindow) {
    }

    public record DemoAccounts(@DefaultValue("false") boolean enabled, List<DemoAccount> accounts) {

        public DemoAccounts {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }

        /** One development-only login. */
        public record DemoAccount(String email, String password, String role, String fullName) {
        }
    }
}
