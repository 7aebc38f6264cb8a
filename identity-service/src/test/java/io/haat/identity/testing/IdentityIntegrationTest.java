package io.haat.identity.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.haat.test.HaatIntegrationTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The ONE Spring context of identity-service's integration tests: real PostgreSQL and Kafka (platform-test), the
 * real Keycloak ({@link TestKeycloak}) with the demo accounts seeded through this service, and a JWT decoder that
 * trusts both Keycloak and platform-test's issuer ({@link TestSecurityConfiguration}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KeycloakExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "haat.identity.keycloak.url=" + TestKeycloak.URL,
        "haat.identity.demo-accounts.enabled=true",
        "haat.identity.audit.consumer-group=identity-audit-${haat.test.context-id}",
        "haat.identity.alerts.failed-login-threshold=5",
        "haat.identity.verification.email-resend-interval=5s",
        "haat.identity.verification.password-reset-interval=5s",
        "haat.identity.phone.resend-interval=5s",
        "spring.kafka.consumer.group-id=identity-test-${haat.test.context-id}"})
@HaatIntegrationTest
@Import(TestSecurityConfiguration.class)
public @interface IdentityIntegrationTest {
}
