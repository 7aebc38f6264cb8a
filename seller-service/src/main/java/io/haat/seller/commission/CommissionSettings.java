package io.haat.seller.commission;

import java.util.List;
import java.util.UUID;

/**
 * The commission settings of one scope: the rules in force now (one per category, the general one
 * first) and every rule, past and scheduled, newest first.
 */
public record CommissionSettings(CommissionScope scope, UUID scopeId, List<CommissionRuleResponse> effective,
                                 List<CommissionRuleResponse> rules) {
}
