package io.haat.identity.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.haat.identity.keycloak.PasswordPolicyException;
import org.springframework.stereotype.Component;

/**
 * The most common breached passwords, refused here before Keycloak is asked (sign-up, password reset, demo
 * accounts), from the same list the realm's {@code passwordBlacklist} policy reads:
 * {@code deploy/keycloak/password-blacklists/haat-common-passwords.txt}, packaged into this service's jar. Like
 * Keycloak, the comparison ignores case.
 */
@Component
public class CommonPasswords {

    static final String RESOURCE = "password-blacklists/haat-common-passwords.txt";

    private final Set<String> passwords;

    public CommonPasswords() {
        this.passwords = load();
    }

    public boolean contains(String password) {
        return password != null && passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    /** @throws PasswordPolicyException 400 {@code password-policy} with rule {@code blacklisted} */
    public void refuseCommon(String password) {
        if (contains(password)) {
            throw new PasswordPolicyException("invalidPasswordBlacklistedMessage",
                    "Invalid password: this password is one of the most common ones and is easy to guess; choose another.");
        }
    }

    public int size() {
        return passwords.size();
    }

    private static Set<String> load() {
        InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath (identity-service/pom.xml "
                    + "packages deploy/keycloak/password-blacklists)");
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
