package io.haat.seller.commission;

import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.seller.CommissionChanged;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.seller.onboarding.SellerAccess;
import io.haat.seller.store.StoreRepository;
import io.haat.seller.support.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin commission settings; every new rule is published on {@code seller.commission} for payment-service. */
@Service
public class CommissionService {

    // clients' clocks differ a little: "now" sent by a client may arrive slightly in the past
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CommissionRepository rules;
    private final SellerAccess sellers;
    private final StoreRepository stores;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public CommissionService(CommissionRepository rules, SellerAccess sellers, StoreRepository stores,
                             EventPublisher events, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.sellers = sellers;
        this.stores = stores;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CommissionSettings settings(CommissionScope scope, UUID scopeId) {
        requireScope(scope, scopeId);
        List<CommissionRule> all = rules.ofScope(scope, scopeId);
        Instant now = clock.instant();
        // newest first, so the first rule seen per category is the one in force; "" (no category) sorts first
        Map<String, CommissionRule> inForce = new TreeMap<>();
        all.stream().filter(r -> !r.effectiveFrom().isAfter(now))
                .forEach(r -> inForce.putIfAbsent(Objects.toString(r.categoryId(), ""), r));
        return new CommissionSettings(scope, scopeId,
                new ArrayList<>(inForce.values()).stream().map(CommissionRuleResponse::from).toList(),
                all.stream().map(CommissionRuleResponse::from).toList());
    }

    @Transactional
    public CommissionSettings set(CommissionScope scope, UUID scopeId, CommissionRequest request, Actor actor) {
        requireScope(scope, scopeId);
        Instant now = clock.instant();
        Instant effectiveFrom = request.effectiveFrom() == null ? now : request.effectiveFrom();
        if (effectiveFrom.isBefore(now.minus(CLOCK_SKEW))) {
            throw new BadRequestException("effectiveFrom must not be in the past: past fees are never recomputed.");
        }
        checkBounds(request.minimumFee(), request.maximumFee());
        CommissionSettings before = settings(scope, scopeId);
        CommissionRule rule = rules.insert(new CommissionRule(UUID.randomUUID(), scope, scopeId, request.categoryId(),
                request.basisPoints(), request.minimumFee(), request.maximumFee(), effectiveFrom, now, actor.id()));
        String currency = rule.minimumFee() != null ? rule.minimumFee().currency()
                : rule.maximumFee() != null ? rule.maximumFee().currency() : null;
        events.publish(Topics.SELLER_COMMISSION, new CommissionChanged(rule.id().toString(), scope.name(),
                scopeId == null ? null : scopeId.toString(), rule.categoryId(), rule.basisPoints(),
                rule.minimumFee() == null ? null : rule.minimumFee().amountMinor(),
                rule.maximumFee() == null ? null : rule.maximumFee().amountMinor(), currency, effectiveFrom));
        if (!Actor.SYSTEM.equals(actor.role())) {
            audit.record(actor, "commission.set", "commission", scope + ":" + (scopeId == null ? "default" : scopeId),
                    before.effective(), CommissionRuleResponse.from(rule));
        }
        return settings(scope, scopeId);
    }

    /** The rule that applies to a store's sales of a category at a time, with the fee on an example amount. */
    @Transactional(readOnly = true)
    public AppliedCommission applicable(UUID storeId, String categoryId, Instant at, Money example) {
        var store = stores.findById(storeId).orElseThrow(() -> NotFoundException.of("Store", storeId));
        Instant when = at == null ? clock.instant() : at;
        CommissionRule rule = rules.applicable(storeId, store.sellerId(), categoryId, when)
                .orElseThrow(() -> new NotFoundException("No commission rule applies: set a platform default first."));
        return new AppliedCommission(storeId, categoryId, when, CommissionRuleResponse.from(rule), example,
                example == null ? null : rule.feeOn(example));
    }

    /** Seeds the platform default once (first start), unless an admin already set one. */
    @Transactional
    public void seedDefault(int basisPoints) {
        rules.lockDefaults();
        if (!rules.hasDefault()) {
            set(CommissionScope.DEFAULT, null, new CommissionRequest(basisPoints, null, null, null, null),
                    Actor.system("seller-service"));
        }
    }

    private void requireScope(CommissionScope scope, UUID scopeId) {
        switch (scope) {
            case SELLER -> {
                if (!sellers.exists(scopeId)) {
                    throw NotFoundException.of("Seller", scopeId);
                }
            }
            case STORE -> stores.findById(scopeId).orElseThrow(() -> NotFoundException.of("Store", scopeId));
            case DEFAULT -> {
            }
        }
    }

    private static void checkBounds(Money minimum, Money maximum) {
        if (minimum != null && minimum.amountMinor() < 0 || maximum != null && maximum.amountMinor() < 0) {
            throw new BadRequestException("minimumFee and maximumFee must not be negative.");
        }
        if (minimum != null && maximum != null) {
            if (!minimum.currency().equals(maximum.currency())) {
                throw new BadRequestException("minimumFee and maximumFee must be in the same currency.");
            }
            if (minimum.amountMinor() > maximum.amountMinor()) {
                throw new BadRequestException("minimumFee must not exceed maximumFee.");
            }
        }
    }
}
