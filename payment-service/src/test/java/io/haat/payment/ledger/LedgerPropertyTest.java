package io.haat.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.PaymentIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Property-style test (a seeded random loop in plain JUnit, so a failure replays from its seed): random sequences
 * of full, partial and excess captures, partial refunds, completions, payouts (requested from what is available,
 * then rejected or paid) and redeliveries, in two currencies, on the real ledger. After every step: each
 * transaction sums to zero per currency; money in is what customers paid, money out what was refunded plus what was
 * paid out, and the sum of all other balances (sellers, platform, customer credit, payouts in transit) is money in
 * minus money out; no balance changed but by the step's new entries; a redelivery changed nothing. At the end,
 * refunding everything brings commission and platform discounts back to exactly zero and every seller's balances to
 * minus what the seller was paid or is being paid.
 */
class LedgerPropertyTest extends PaymentIntegrationTest {

    private static final List<String> CURRENCIES = List.of("NPR", "USD");

    @Autowired
    private Ledger ledger;
    @Autowired
    private LedgerRepository repository;

    private record Order(String id, String currency, List<SellerOrderTotals> split, CommissionRates rates) {
        long total() {
            return split.stream().mapToLong(part -> part.total().amountMinor()).sum();
        }
    }

    /** A step that can be delivered again: the posting's idempotency key decides. */
    private interface Step {
        void run();
    }

    private final Map<String, Long> moneyIn = new HashMap<>();
    private final Map<String, Long> moneyOut = new HashMap<>();
    private final Map<String, Long> paidOut = new HashMap<>();
    /** Per seller and currency ("seller/NPR"): payouts requested and not rejected. */
    private final Map<String, Long> payoutsOf = new HashMap<>();

    /** A payout requested and not yet decided. */
    private record OpenPayout(String id, String sellerId, Money amount) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 20260301})
    void randomSequencesKeepTheLedgerBalanced(long seed) {
        Random random = new Random(seed);
        List<String> sellers = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        List<Order> orders = new ArrayList<>();
        Map<String, Long> capturedOf = new HashMap<>();
        List<Step> done = new ArrayList<>();
        List<OpenPayout> openPayouts = new ArrayList<>();
        Map<Account, Long> baseline = repository.balances();

        for (int step = 0; step < 80; step++) {
            int roll = random.nextInt(13);
            Step next;
            if (orders.isEmpty() || roll < 2) {
                orders.add(order(random, sellers));
                continue;
            } else if (roll < 5) {
                Order order = orders.get(random.nextInt(orders.size()));
                long due = order.total() - capturedOf.getOrDefault(order.id(), 0L);
                long amount = due <= 0 || random.nextInt(8) == 0 ? 1 + random.nextInt(500) // excess / overpayment
                        : 1 + (long) random.nextInt((int) due);
                capturedOf.merge(order.id(), amount, Long::sum);
                String payment = UUID.randomUUID().toString();
                next = () -> ledger.postCapture(payment, order.id(), new Money(amount, order.currency()),
                        order.split(), order.rates());
                moneyIn.merge(order.currency(), amount, Long::sum);
            } else if (roll < 7) {
                Order order = orders.get(random.nextInt(orders.size()));
                SellerOrderTotals part = order.split().get(random.nextInt(order.split().size()));
                next = () -> ledger.postCompletion(part.sellerOrderId(), order.id());
            } else if (roll == 10 || roll == 11) {
                String seller = sellers.get(random.nextInt(sellers.size()));
                String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
                long available = repository.sellerBalance(seller, AccountKind.SELLER_AVAILABLE, currency);
                if (available <= 0) {
                    continue;
                }
                OpenPayout payout = new OpenPayout(UUID.randomUUID().toString(), seller,
                        new Money(1 + (long) random.nextInt((int) Math.min(available, Integer.MAX_VALUE)), currency));
                openPayouts.add(payout);
                payoutsOf.merge(seller + "/" + currency, payout.amount().amountMinor(), Long::sum);
                next = () -> ledger.postPayoutRequested(payout.id(), payout.sellerId(), payout.amount());
            } else if (roll == 12) {
                if (openPayouts.isEmpty()) {
                    continue;
                }
                OpenPayout payout = openPayouts.remove(random.nextInt(openPayouts.size()));
                if (random.nextBoolean()) {
                    payoutsOf.merge(payout.sellerId() + "/" + payout.amount().currency(),
                            -payout.amount().amountMinor(), Long::sum);
                    next = () -> ledger.postPayoutRejected(payout.id(), payout.sellerId(), payout.amount());
                } else {
                    paidOut.merge(payout.amount().currency(), payout.amount().amountMinor(), Long::sum);
                    next = () -> ledger.postPayoutPaid(payout.id(), payout.amount());
                }
            } else {
                Order order = orders.get(random.nextInt(orders.size()));
                List<SellerOrderRefund> parts = refundable(order, random, false);
                if (parts.isEmpty()) {
                    continue;
                }
                String refundId = UUID.randomUUID().toString();
                next = () -> ledger.postRefund(refundId, order.id(), parts, RefundReason.RETURN);
                moneyOut.merge(order.currency(), parts.stream().mapToLong(p -> p.amount().amountMinor()).sum(),
                        Long::sum);
            }
            runAndCheck(next, baseline);
            done.add(next);
            if (random.nextInt(4) == 0) {
                redeliver(done.get(random.nextInt(done.size())));
            }
        }

        for (Order order : orders) {
            List<SellerOrderRefund> rest = refundable(order, random, true);
            if (!rest.isEmpty()) {
                moneyOut.merge(order.currency(), rest.stream().mapToLong(p -> p.amount().amountMinor()).sum(),
                        Long::sum);
                runAndCheck(() -> ledger.postRefund(UUID.randomUUID().toString(), order.id(), rest,
                        RefundReason.ORDER_CANCELLED), baseline);
            }
        }
        Map<Account, Long> change = change(baseline, repository.balances());
        for (Map.Entry<Account, Long> entry : change.entrySet()) {
            AccountKind kind = entry.getKey().kind();
            if (kind == AccountKind.COMMISSION_REVENUE || kind == AccountKind.PLATFORM_DISCOUNTS) {
                assertThat(entry.getValue()).as("%s after refunding everything", entry.getKey()).isZero();
            }
        }
        for (String seller : sellers) {
            for (String currency : CURRENCIES) {
                long total = change.entrySet().stream().filter(e -> seller.equals(e.getKey().sellerId())
                        && currency.equals(e.getKey().currency())).mapToLong(Map.Entry::getValue).sum();
                assertThat(total).as("seller %s's %s balances after refunding everything", seller, currency)
                        .isEqualTo(payoutsOf.getOrDefault(seller + "/" + currency, 0L));
            }
        }
    }

    private Order order(Random random, List<String> sellers) {
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        String orderId = UUID.randomUUID().toString();
        List<SellerOrderTotals> split = new ArrayList<>();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            long merchandise = 1 + random.nextInt(20_000);
            long sellerDiscount = random.nextInt(4) == 0 ? random.nextInt((int) merchandise) : 0;
            long platformDiscount = random.nextInt(3) == 0 ? random.nextInt((int) (merchandise - sellerDiscount) + 1) : 0;
            long shipping = random.nextInt(2) == 0 ? random.nextInt(500) : 0;
            long total = merchandise + shipping - sellerDiscount - platformDiscount;
            split.add(new SellerOrderTotals(orderId + "-" + i, "store-" + i, sellers.get(random.nextInt(sellers.size())),
                    new Money(merchandise, currency), new Money(sellerDiscount, currency),
                    new Money(platformDiscount, currency), new Money(shipping, currency), new Money(total, currency)));
        }
        Map<String, Integer> bps = new HashMap<>();
        split.forEach(part -> bps.put(part.sellerOrderId(), random.nextInt(3_001)));
        return new Order(orderId, currency, List.copyOf(split), part -> bps.get(part.sellerOrderId()));
    }

    /** A random part (or, with {@code all}, the whole) of what each seller order still holds of customer money. */
    private List<SellerOrderRefund> refundable(Order order, Random random, boolean all) {
        Map<String, SellerOrderPosition> positions = repository.positions(
                order.split().stream().map(SellerOrderTotals::sellerOrderId).toList());
        List<SellerOrderRefund> parts = new ArrayList<>();
        for (SellerOrderTotals part : order.split()) {
            long held = positions.getOrDefault(part.sellerOrderId(), SellerOrderPosition.NONE).netCaptured();
            if (held > 0 && (all || random.nextBoolean())) {
                long amount = all ? held : 1 + (long) random.nextInt((int) held);
                parts.add(new SellerOrderRefund(part.sellerOrderId(), part.storeId(), part.sellerId(),
                        new Money(amount, order.currency())));
            }
        }
        return parts;
    }

    private void runAndCheck(Step step, Map<Account, Long> baseline) {
        Map<Account, Long> before = repository.balances();
        long lastEntry = lastEntry();
        step.run();
        Map<Account, Long> after = repository.balances();

        // no balance changed but by the new entries
        Map<Account, Long> expected = new HashMap<>(before);
        newEntries(lastEntry).forEach((account, sum) -> expected.merge(account, sum, Long::sum));
        assertThat(nonZero(after)).isEqualTo(nonZero(expected));

        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT transaction_id FROM ledger_entry GROUP BY transaction_id, currency
                                      HAVING sum(amount_minor) <> 0) unbalanced""").query(Long.class).single())
                .as("transactions that do not sum to zero").isZero();

        Map<Account, Long> change = change(baseline, after);
        for (String currency : CURRENCIES) {
            long in = moneyIn.getOrDefault(currency, 0L);
            long out = moneyOut.getOrDefault(currency, 0L);
            long paid = paidOut.getOrDefault(currency, 0L);
            long clearing = sum(change, currency, AccountKind.CUSTOMER_CLEARING);
            long refunds = -sum(change, currency, AccountKind.REFUNDS);
            long payouts = -sum(change, currency, AccountKind.PAYOUTS_PAID);
            long everythingElse = -change.entrySet().stream().filter(e -> e.getKey().currency().equals(currency)
                            && e.getKey().kind() != AccountKind.CUSTOMER_CLEARING && e.getKey().kind() != AccountKind.REFUNDS
                            && e.getKey().kind() != AccountKind.PAYOUTS_PAID)
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(clearing).as("%s money in", currency).isEqualTo(in);
            assertThat(refunds).as("%s money out to customers", currency).isEqualTo(out);
            assertThat(payouts).as("%s money out to sellers", currency).isEqualTo(paid);
            assertThat(everythingElse).as("%s sellers + platform + customer credit + payouts in transit", currency)
                    .isEqualTo(in - out - paid);
        }
    }

    private void redeliver(Step step) {
        Map<Account, Long> before = repository.balances();
        long lastEntry = lastEntry();
        step.run();
        assertThat(lastEntry()).as("entries after a redelivery").isEqualTo(lastEntry);
        assertThat(repository.balances()).isEqualTo(before);
    }

    private long lastEntry() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM ledger_entry").query(Long.class).single();
    }

    private Map<Account, Long> newEntries(long after) {
        Map<Account, Long> sums = new HashMap<>();
        jdbc.sql("""
                        SELECT a.kind, a.seller_id, a.currency, e.amount_minor FROM ledger_entry e
                        JOIN ledger_account a ON a.id = e.account_id WHERE e.id > ?""").param(after)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sums.merge(
                        new Account(AccountKind.valueOf(rs.getString("kind")), rs.getString("seller_id"),
                                rs.getString("currency").trim()), rs.getLong("amount_minor"), Long::sum));
        return sums;
    }

    private static long sum(Map<Account, Long> balances, String currency, AccountKind kind) {
        return balances.entrySet().stream().filter(e -> e.getKey().currency().equals(currency)
                && e.getKey().kind() == kind).mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<Account, Long> change(Map<Account, Long> from, Map<Account, Long> to) {
        Map<Account, Long> change = new HashMap<>(to);
        from.forEach((account, balance) -> change.merge(account, -balance, Long::sum));
        return change;
    }

    private static Map<Account, Long> nonZero(Map<Account, Long> balances) {
        Map<Account, Long> copy = new HashMap<>(balances);
        copy.values().removeIf(v -> v == 0);
        return copy;
    }
}
