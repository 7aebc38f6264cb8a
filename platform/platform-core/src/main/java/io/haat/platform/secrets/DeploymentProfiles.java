package io.haat.platform.secrets;

import java.util.Arrays;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * Whether a service runs on a developer's machine or in a deployment, decided by its active Spring profiles alone:
 * <ul>
 *   <li><b>development</b>: no profile is active (Spring's implicit {@code default}: {@code ./run.sh} and the e2e
 *       marketplace of {@code deploy/local}, which set none; an IDE run; every {@code @SpringBootTest}), or every
 *       active profile is {@code local} or {@code test};</li>
 *   <li><b>deployment</b>: any other active profile, even beside {@code local}: {@code prod} (deploy/k8s base and
 *       prod overlay), an explicit {@code default} (the dev cluster overlay), {@code staging}, ...</li>
 * </ul>
 * In a deployment the {@link SecretsGuard} refuses development secrets, and development conveniences default to off
 * ({@code haat.deployment.development}, see {@link DeploymentEnvironmentPostProcessor}).
 */
public final class DeploymentProfiles {

    /** The profiles that still count as development. */
    public static final Set<String> DEVELOPMENT = Set.of("local", "test");

    private DeploymentProfiles() {
    }

    public static boolean isDevelopment(Environment environment) {
        return Arrays.stream(environment.getActiveProfiles()).allMatch(DEVELOPMENT::contains);
    }
}
