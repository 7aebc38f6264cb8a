package io.haat.order;

import io.haat.test.HaatIntegrationTest;
import io.haat.test.contract.ServiceBootContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The full order-service context boots against real infrastructure and keeps the platform's promises. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
class OrderApplicationTest extends ServiceBootContract {
}
