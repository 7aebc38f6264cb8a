package io.haat.platform.secrets;

import java.util.List;

/** A service outside development still has development or too-short secrets: {@link SecretsGuard}. */
public class InsecureSecretsException extends IllegalStateException {

    private final List<String> profiles;
    private final List<String> problems;

    public InsecureSecretsException(List<String> profiles, List<String> problems) {
        super("Refusing to start with profile(s) " + profiles + " and development secrets: "
                + String.join("; ", problems));
        this.profiles = List.copyOf(profiles);
        this.problems = List.copyOf(problems);
    }

    public List<String> profiles() {
        return profiles;
    }

    public List<String> problems() {
        return problems;
    }
}
