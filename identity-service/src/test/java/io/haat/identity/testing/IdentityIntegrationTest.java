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
 * real Keycloak ({@link TestKeycloak}) with {@link SeededAccounts} seeded through this service, and a JWT decoder that
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
        "haat.identity.demo-accounts.accounts[0].email=" + SeededAccounts.ADMIN,
        "haat.identity.demo-accounts.accounts[0].role=ADMIN",
        "haat.identity.demo-accounts.accounts[0].full-name=Seeded Admin",
        "haat.identity.demo-accounts.accounts[0].password=" + SeededAccounts.PASSWORD,
        "haat.identity.demo-accounts.accounts[1].email=" + SeededAccounts.SELLER,
        "haat.identity.demo-accounts.accounts[1].role=SELLER",
        "haat.identity.demo-accounts.accounts[1].full-name=Seeded Seller",
        "haat.identity.demo-accounts.accounts[1].password=" + SeededAccounts.PASSWORD,
        "haat.identity.demo-accounts.accounts[2].email=" + SeededAccounts.CUSTOMER,
        "haat.identity.demo-accounts.accounts[2].role=CUSTOMER",
        "haat.identity.demo-accounts.accounts[2].full-name=Seeded Customer",
        "haat.identity.demo-accounts.accounts[2].password=" + SeededAccounts.PASSWORD,
        "haat.identity.demo-accounts.accounts[3].email=" + SeededAccounts.COURIER,
        "haat.identity.demo-accounts.accounts[3].role=DELIVERY_AGENT",
        "haat.identity.demo-accounts.accounts[3].full-name=Seeded Courier",
        "haat.identity.demo-accounts.accounts[3].password=" + SeededAccounts.PASSWORD,
        "haat.identity.audit.consumer-group=identity-audit-${haat.test.context-id}",
        "haat.identity.alerts.failed-login-threshold=5",
        "haat.identity.login.max-failures-per-ip=20",
        "haat.identity.verification.email-resend-interval=5s",
        "haat.identity.verification.password-reset-interval=5s",
        "haat.identity.phone.resend-interval=5s",
        "spring.kafka.consumer.group-id=identity-test-${haat.test.context-id}"})
@HaatIntegrationTest
@Import(TestSecurityConfiguration.class)
public @interface IdentityIntegrationTest {
}
