package io.haat.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.platform.secrets.InsecureSecretsException;
import io.haat.test.ServiceEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * payment-service with the production profile and the repository's development defaults does not start, and says
 * which variables to set; the sandbox provider (fake payments) is on only in development.
 */
class ProductionSecretsTest {

    @Test
    void theProductionProfileWithDevelopmentDefaultsRefusesToStartNamingEachVariable() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PaymentApplication.class).profiles("prod")
                .web(WebApplicationType.NONE).logStartupInfo(false).run().close())
                .isInstanceOfSatisfying(InsecureSecretsException.class, failure -> assertThat(failure.problems())
                        .containsExactly(
                                "spring.security.oauth2.client.registration.haat-services.client-secret still has its "
                                        + "development default: set HAAT_SERVICES_CLIENT_SECRET (at least 32 characters)",
                                "spring.datasource.password is shorter than 16 characters: set HAAT_DB_PASSWORD "
                                        + "(at least 16 characters)",
                                // not declared by payment-service: any dev-only- value is refused
                                "haat.eureka.username has a development value (dev-only-...): set HAAT_EUREKA_USERNAME",
                                "haat.eureka.password has a development value (dev-only-...): set HAAT_EUREKA_PASSWORD"));
    }

    @Test
    void theSandboxProviderIsOnOnlyInDevelopment() {
        String sandbox = "haat.payment.providers.sandbox.enabled";
        assertThat(ServiceEnvironment.of(PaymentApplication.class).getProperty(sandbox, Boolean.class)).isTrue();
        assertThat(ServiceEnvironment.of(PaymentApplication.class, "test").getProperty(sandbox, Boolean.class)).isTrue();
        assertThat(ServiceEnvironment.of(PaymentApplication.class, "prod").getProperty(sandbox, Boolean.class)).isFalse();
        assertThat(ServiceEnvironment.of(PaymentApplication.class, "staging").getProperty(sandbox, Boolean.class)).isFalse();
    }
}
