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
                                 @DefaultValue DemoAccounts demoAccounts) {

    /**
     * @param url                  where this service reaches Keycloak
     * @param publicUrl            where browsers reach it (social login redirects); empty = {@code url}
     * @param loginClientId        the public client of password login, refresh, logout and code exchange
     * @param servicesClientId     the confidential client whose service account manages users
     */
    public record Keycloak(@DefaultValue("http://localhost:8180") String url, String publicUrl,
                           @DefaultValue("haat") String realm, @DefaultValue("haat-web") String loginClientId,
                           @DefaultValue("haat-services") String servicesClientId, String servicesClientSecret,
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

    public record Phone(@DefaultValue("5m") Duration codeTtl, @DefaultValue("5") int maxAttempts,
                        @DefaultValue("60s") Duration resendInterval,
                        @DefaultValue("haat-phone-code-dev-secret") String codeSecret) {
    }

    /** @param provider {@code log} (development adapter) or {@code http} (a real SMS API) */
    public record Sms(@DefaultValue("log") String provider, @DefaultValue Http http) {

        public record Http(URI url, String apiKey, @DefaultValue("Haat") String sender,
                           @DefaultValue("5s") Duration timeout) {
        }
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
