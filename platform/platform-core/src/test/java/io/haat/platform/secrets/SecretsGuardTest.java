package io.haat.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Outside development (any active profile other than local/test) a service with a development or too-short secret does
 * not start, and the failure names the variable to set; on a developer's machine the same values are fine.
 */
class SecretsGuardTest {

    private static final String STRONG = "k3Jq9vXr2mT8wLp5Zs7Yb4Nc6Hd1Gf0Ae";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecretsAutoConfiguration.class))
            .withPropertyValues(
                    "haat.secrets.required[0].property=haat.example.client-secret",
                    "haat.secrets.required[0].env=HAAT_EXAMPLE_CLIENT_SECRET",
                    "haat.secrets.required[1].property=haat.example.db-password",
                    "haat.secrets.required[1].env=HAAT_DB_PASSWORD",
                    "haat.secrets.required[1].min-length=16",
                    "haat.secrets.required[2].property=haat.example.sandbox-secret",
                    "haat.secrets.required[2].env=HAAT_SANDBOX_SECRET",
                    "haat.secrets.required[2].when=haat.example.sandbox-enabled",
                    "haat.secrets.required[3].property=haat.example.smtp-password",
                    "haat.secrets.required[3].env=HAAT_SMTP_PASSWORD",
                    "haat.secrets.required[3].optional=true",
                    "haat.secrets.required[3].min-length=12");

    @Test
    void aDevelopmentDefaultRefusesTheProductionProfileNamingTheVariable() {
        runner.withPropertyValues("spring.profiles.active=prod",
                        "haat.example.client-secret=dev-only-example-secret", "haat.example.db-password=" + STRONG)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).isInstanceOf(InsecureSecretsException.class)
                            .hasMessageContaining("haat.example.client-secret still has its development default")
                            .hasMessageContaining("set HAAT_EXAMPLE_CLIENT_SECRET");
                });
    }

    @Test
    void aMissingOrShortSecretIsRefusedToo() {
        runner.withPropertyValues("spring.profiles.active=staging", "haat.example.db-password=orders")
                .run(context -> {
                    assertThat(context).hasFailed();
                    InsecureSecretsException failure = (InsecureSecretsException) context.getStartupFailure();
                    assertThat(failure.problems()).containsExactly(
                            "haat.example.client-secret is not set: set HAAT_EXAMPLE_CLIENT_SECRET (at least 32 characters)",
                            "haat.example.db-password is shorter than 16 characters: set HAAT_DB_PASSWORD (at least 16 characters)");
                });
    }

    @Test
    void anyProfileBesideLocalCountsAsADeployment() {
        runner.withPropertyValues("spring.profiles.active=local,prod")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("spring.profiles.active=default")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void developmentRunsKeepTheirDefaults() {
        runner.withPropertyValues("haat.example.client-secret=dev-only-example-secret")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("spring.profiles.active=local", "haat.example.client-secret=dev-only-example-secret")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("spring.profiles.active=test,local")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void realSecretsStart() {
        runner.withPropertyValues("spring.profiles.active=prod", "haat.example.client-secret=" + STRONG,
                        "haat.example.db-password=" + STRONG)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aConditionalSecretCountsOnlyWhenItsFeatureIsOnAndAnOptionalOneOnlyWhenSet() {
        String[] strong = {"spring.profiles.active=prod", "haat.example.client-secret=" + STRONG,
                "haat.example.db-password=" + STRONG};
        runner.withPropertyValues(strong).withPropertyValues("haat.example.sandbox-secret=dev-only-sandbox")
                .withPropertyValues("haat.example.sandbox-enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues(strong).withPropertyValues("haat.example.sandbox-enabled=true")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasMessageContaining("haat.example.sandbox-secret is not set: set HAAT_SANDBOX_SECRET"));
        runner.withPropertyValues(strong).withPropertyValues("haat.example.smtp-password=short")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasMessageContaining("haat.example.smtp-password is shorter than 12 characters"));
    }

    @Test
    void anUndeclaredDevelopmentValueIsRefusedNamingItsPlaceholdersVariable() {
        runner.withPropertyValues("spring.profiles.active=prod", "haat.example.client-secret=" + STRONG,
                        "haat.example.db-password=" + STRONG,
                        "haat.other.api-key=${HAAT_OTHER_API_KEY:dev-only-other}")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasMessageContaining("haat.other.api-key has a development value")
                        .hasMessageContaining("set HAAT_OTHER_API_KEY"));
    }
}
