package io.haat.identity;

import io.haat.identity.testing.IdentityIntegrationTest;
import io.haat.test.contract.ServiceBootContract;

/**
 * The full identity-service context boots against real infrastructure and keeps the platform's promises
 * (in the same context as every other integration test: {@link IdentityIntegrationTest}).
 */
@IdentityIntegrationTest
class IdentityApplicationTest extends ServiceBootContract {
}
