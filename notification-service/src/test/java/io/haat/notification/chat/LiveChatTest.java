package io.haat.notification.chat;

import static org.awaitility.Awaitility.await;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import io.haat.notification.directory.Directory;
import io.haat.notification.live.StompWire;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.http.HttpApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;

/**
 * Base of the chat and live-channel tests: the service's one test context, plus stores whose seller is known (from
 * seller-service's events over real Kafka) and chats opened over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
public abstract class LiveChatTest extends HttpApiTest {

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventEnvelopes envelopes;
    @Autowired
    protected Directory directory;
    @Autowired
    protected SimpUserRegistry sessions;

    /** A store and the seller user who answers its chats. */
    protected record Shop(String storeId, User seller) {
    }

    /** An ACTIVE store of an approved seller, as seller-service announces them. */
    protected Shop shop() {
        User seller = user("SELLER");
        String sellerId = UUID.randomUUID().toString();
        String storeId = UUID.randomUUID().toString();
        publish(Topics.SELLER_SELLER, new SellerStatusChanged(sellerId, seller.id(), "Biz", SellerStatus.APPROVED,
                null), 1);
        publish(Topics.SELLER_STORE, new StoreChanged(storeId, sellerId, "Pashmina House", "pashmina-" + storeId,
                StoreStatus.ACTIVE), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.userOfStore(storeId).isPresent());
        return new Shop(storeId, seller);
    }

    protected void publish(String topic, DomainEvent event, long version) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of(event, version);
        kafka.send(topic, envelope.aggregateId(), envelopes.toJson(envelope)).join();
    }

    /** Opens a chat between {@code customer} and the shop; answers its id. */
    protected String chatWith(User customer, Shop shop, String message) {
        Response opened = call("POST", "/chats", customer.token(), Map.of("storeId", shop.storeId(), "message", message));
        if (opened.status() != 201 && opened.status() != 200) {
            throw new IllegalStateException("chat not opened: " + opened);
        }
        return opened.body().path("chat").path("id").asString();
    }

    protected StompWire stomp(String handshakeToken) throws Exception {
        return StompWire.open("ws://127.0.0.1:" + port + "/ws", handshakeToken);
    }

    /** A STOMP session connected with {@code token}. */
    protected StompWire connected(User user) throws Exception {
        StompWire wire = stomp(null);
        StompWire.Frame connected = wire.connect("CONNECT", user.token());
        if (!connected.command().equals("CONNECTED")) {
            throw new IllegalStateException("not connected: " + connected);
        }
        return wire;
    }

    /** Waits until the broker knows that {@code userId} subscribed to {@code destination}. */
    protected void awaitSubscribed(String userId, String destination) {
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.getUser(userId) != null
                && sessions.getUser(userId).getSessions().stream().flatMap(s -> s.getSubscriptions().stream())
                .anyMatch(s -> s.getDestination().equals(destination)));
    }
}
