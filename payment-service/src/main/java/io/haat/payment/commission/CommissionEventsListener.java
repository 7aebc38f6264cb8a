package io.haat.payment.commission;

import io.haat.events.Topics;
import io.haat.events.seller.CommissionChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.MalformedEventException;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns commission rules from {@code seller.commission}, each event applied once (a new rule never replaces one). */
@Component
public class CommissionEventsListener {

    static final String GROUP = "payment-service.commission";

    private final EventRouter router;

    public CommissionEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, CommissionRules rules) {
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(CommissionChanged.class, event -> rules.remember(ruleOf(event.payload())))
                .build();
    }

    @KafkaListener(topics = Topics.SELLER_COMMISSION,
            groupId = "${haat.payment.kafka.group-prefix:payment-service}.commission")
    public void onCommissionEvent(String value) {
        router.dispatch(value);
    }

    /** A rule that cannot exist (unknown scope, rate beyond 100 %) is malformed: straight to the DLT, no retries. */
    private static CommissionRule ruleOf(CommissionChanged changed) {
        try {
            return new CommissionRule(changed.ruleId(), CommissionRule.Scope.valueOf(String.valueOf(changed.scope())),
                    changed.scopeId(), changed.categoryId(), changed.basisPoints(), changed.minimumMinor(),
                    changed.maximumMinor(), changed.currency(), changed.effectiveFrom());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("commission rule " + changed.ruleId() + ": " + e.getMessage(), e);
        }
    }
}
