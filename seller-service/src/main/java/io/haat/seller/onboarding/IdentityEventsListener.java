package io.haat.seller.onboarding;

import io.haat.events.Topics;
import io.haat.events.identity.UserBanned;
import io.haat.events.identity.UserUnbanned;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Bans and unbans decided in identity-service apply to the user's seller account and stores. */
@Component
public class IdentityEventsListener {

    static final String GROUP = "seller-service.identity";

    private final EventRouter router;

    public IdentityEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, SellerService sellers) {
        // other identity events are not seller-service's business
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(UserBanned.class, event -> {
                    UserBanned banned = event.payload();
                    sellers.banUser(banned.userId(), banned.reason(), banned.bannedBy());
                })
                .on(UserUnbanned.class, event -> {
                    UserUnbanned unbanned = event.payload();
                    sellers.unbanUser(unbanned.userId(), unbanned.unbannedBy());
                })
                .build();
    }

    @KafkaListener(topics = Topics.IDENTITY_USER, groupId = "${haat.seller.kafka.group-prefix:seller-service}.identity")
    public void onUserEvent(String value) {
        router.dispatch(value);
    }
}
