package io.haat.seller.commission;

import java.time.Instant;
import java.util.UUID;

/** The rule that applies to a store (and category) at a time, and an example fee for a given amount. */
public record AppliedCommission(UUID storeId, String categoryId, Instant at, CommissionRuleResponse rule,
                                io.haat.events.Money exampleAmount, io.haat.events.Money exampleFee) {
}
