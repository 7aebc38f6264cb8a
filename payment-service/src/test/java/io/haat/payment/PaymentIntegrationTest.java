package io.haat.payment;

import io.haat.events.EventEnvelope;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.payment.wallet.SellerEventsListener;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.TestJwts;
import io.haat.test.http.HttpApiTest;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one Spring context of payment-service's integration tests (the same configuration as
 * {@link PaymentApplicationTest}, so the context is shared): real PostgreSQL and Kafka, real JWTs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
public abstract class PaymentIntegrationTest extends HttpApiTest {

    protected static final TestJwts JWTS = HaatInfrastructure.get().jwt();

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventEnvelopes envelopes;
    @Autowired
    protected SellerEventsListener sellerEvents;


    /** A seller account payment-service has heard of from seller-service. */
    protected record SellerAccount(String userId, String token, String sellerId) {
    }


    /** A SELLER user whose approval seller-service announced on {@code seller.seller}, as Kafka delivers it. */
    protected SellerAccount knownSeller() {
        User user = user("SELLER");
        String sellerId = UUID.randomUUID().toString();
        sellerEvents.onSellerEvent(envelopes.toJson(EventEnvelope.of(
                new SellerStatusChanged(sellerId, user.id(), "Shop " + sellerId.substring(0, 6), SellerStatus.APPROVED,
                        null), 1)));
        return new SellerAccount(user.id(), user.token(), sellerId);
    }
}
