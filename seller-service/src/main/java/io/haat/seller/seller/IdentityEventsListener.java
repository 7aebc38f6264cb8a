package io.haat.seller.seller;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.identity.UserBanned;
import io.haat.events.identity.UserUnbanned;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Bans and unbans decided in identity-service apply to the user's seller account and stores. */
@Component
public class IdentityEventsListener {

    static final String GROUP = "seller-service.identity";

    private final EventEnvelopes envelopes;
    private final ProcessedEvents processed;
    private final SellerService sellers;

    public IdentityEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, SellerService sellers) {
        this.envelopes = envelopes;
        this.processed = processed;
        this.sellers = sellers;
    }

    @KafkaListener(topics = Topics.IDENTITY_USER, groupId = "${haat.seller.kafka.group-prefix:seller-service}.identity")
    public void onUserEvent(String value) {
        EventEnvelope<JsonNode> envelope = envelopes.parse(value);
        switch (envelope.type()) {
            case "UserBanned" -> {
                UserBanned banned = envelopes.withPayload(envelope, UserBanned.class).payload();
                processed.runOnce(GROUP, envelope,
                        () -> sellers.banUser(banned.userId(), banned.reason(), banned.bannedBy()));
            }
            case "UserUnbanned" -> {
                UserUnbanned unbanned = envelopes.withPayload(envelope, UserUnbanned.class).payload();
                processed.runOnce(GROUP, envelope, () -> sellers.unbanUser(unbanned.userId(), unbanned.unbannedBy()));
            }
            default -> {
                // other identity events are not seller-service's business
            }
        }
    }
}
