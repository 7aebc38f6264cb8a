package io.haat.platform.secrets;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.secrets.*}: the secrets a service declares in its {@code application.yml}, checked by the
 * {@link SecretsGuard} outside development.
 *
 * @param required every secret of the service (the list of one service's {@code application.yml})
 */
public record SecretsProperties(@DefaultValue List<Secret> required) {

    /** Development defaults start with this, so that they can never pass for a real secret. */
    public static final String DEVELOPMENT_MARKER = "dev-only-";

    public SecretsProperties {
        required = required == null ? List.of() : List.copyOf(required);
    }

    /**
     * One secret.
     *
     * @param property  the Spring property holding it, e.g. {@code haat.identity.phone.code-secret}
     * @param env       the environment variable an operator sets, named in the failure
     * @param minLength the shortest value accepted
     * @param optional  an empty value is accepted (the feature it unlocks stays off); a value that is set is still checked
     * @param when      checked only while this condition holds: {@code property} (is {@code true}) or
     *                  {@code property=value}; empty: always
     */
    public record Secret(String property, String env, @DefaultValue("32") int minLength,
                         @DefaultValue("false") boolean optional, @DefaultValue("") String when) {
    }
}
