package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What must hold after a fault, over everything the scenario did (Jepsen-style: the whole history, not a sample),
 * read straight from the services' databases on the local PostgreSQL and from the local Kafka:
 * <ul>
 * <li>every order of the scenario's customers is CONFIRMED, CANCELLED, or AWAITING_PAYMENT with nothing captured
 * (the customer has not paid: steady) — none PENDING, none paid but not confirmed, no payment left PENDING;</li>
 * <li>every order has its stock-reservation outcome in seller-service (no {@code OrderPlaced} lost);</li>
 * <li>per SKU: units sold (CONFIRMED lines) = units committed ≤ the stock it started with, stock left + committed =
 * that stock, reserved = the lines still reserved, and no reservation left RESERVED for a confirmed or cancelled
 * order;</li>
 * <li>exactly one capture per confirmed order, no capture of an order that does not exist, every cancelled
 * order's captured money refunded;</li>
 * <li>every ledger transaction sums to zero;</li>
 * <li>seller balances: what a confirmed seller order put on its seller's balance (pending or, once completed,
 * available) plus the commission taken from it is exactly its total plus the platform's discount on it, and a
 * cancelled seller order leaves nothing on the seller's balance;</li>
 * <li>no new message in any dead-letter topic since {@link #baseline()}.</li>
 * </ul>
 * {@link #awaitAndAssert} waits up to the given time for the history to settle, prints the counts, then asserts.
 */
final class Invariants {

    static final String POSTGRES = System.getProperty("e2e.postgres", "localhost:5432");
    static final String KAFKA = System.getProperty("e2e.kafka", "localhost:9092");

    /** What the scenario did: its customers and the stock each of its SKUs started with. */
    record Scope(String scenario, Collection<String> customerIds, Map<String, Integer> initialStock) {
    }

    /** The dead-letter topics' end offsets before the scenario. */
    record Baseline(Map<TopicPartition, Long> deadLetterEnds) {
    }

    /** The counts of one look at the history; every "bad" count must end at 0. */
    record Counts(Map<String, Long> orders, long paymentsPending, long paidNotConfirmed, long withoutReservationOutcome,
                  long doubleCaptures, long confirmedWithoutCapture, long capturesWithoutOrder,
                  long cancelledNotRefunded, long unbalancedLedgerTransactions, long sellerBalanceMismatches,
                  long oversoldUnits,
                  long stockMismatches, long leakedReservations, long newDeadLetters, Map<String, String> stock) {

        long stuck() {
            return orders.getOrDefault("PENDING", 0L) + paymentsPending + paidNotConfirmed;
        }

        boolean settled() {
            return stuck() == 0 && withoutReservationOutcome == 0 && cancelledNotRefunded == 0 && leakedReservations == 0
                    && stockMismatches == 0 && sellerBalanceMismatches == 0;
        }

        Map<String, Long> violations() {
            Map<String, Long> all = new LinkedHashMap<>();
            all.put("stuck orders or payments", stuck());
            all.put("orders without reservation outcome", withoutReservationOutcome);
            all.put("double captures", doubleCaptures);
            all.put("confirmed without capture", confirmedWithoutCapture);
            all.put("captures without order", capturesWithoutOrder);
            all.put("cancelled not refunded", cancelledNotRefunded);
            all.put("unbalanced ledger transactions", unbalancedLedgerTransactions);
            all.put("seller balance mismatches", sellerBalanceMismatches);
            all.put("oversold units", oversoldUnits);
            all.put("stock mismatches", stockMismatches);
            all.put("leaked reservations", leakedReservations);
            all.put("new dead letters", newDeadLetters);
            return all;
        }
    }

    private Invariants() {
    }

    static Baseline baseline() {
        return new Baseline(deadLetterEnds());
    }

    /** Waits up to {@code within} for the history to settle, prints the counts and asserts every invariant. */
    static Counts awaitAndAssert(Scope scope, Baseline baseline, Duration within) {
        AtomicReference<Counts> last = new AtomicReference<>();
        long began = System.nanoTime();
        try {
            await(scope.scenario() + ": every order settles").atMost(within).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions().until(() -> {
                        last.set(look(scope, baseline));
                        return last.get().settled();
                    });
        } catch (ConditionTimeoutException notSettled) {
            if (last.get() == null) {
                throw new AssertionError(scope.scenario() + ": the databases could not be read within " + within,
                        notSettled);
            }
        }
        Counts counts = last.get();
        System.out.printf("[faults] %s: settled after %.1f s; orders %s; %s; stock %s%n", scope.scenario(),
                (System.nanoTime() - began) / 1e9, counts.orders(), counts.violations(), counts.stock());
        if (counts.newDeadLetters() > 0) {
            // what was given up on, and why: the failure the consumer's service raised travels in the DLT headers
            newDeadLetterRecords(baseline).forEach(letter -> System.out.printf("[faults] %s: dead letter %s%n",
                    scope.scenario(), letter));
        }
        assertThat(counts.violations()).as(scope.scenario() + ": invariants (all must be 0)")
                .allSatisfy((name, count) -> assertThat(count).as(name).isZero());
        return counts;
    }

    static Counts look(Scope scope, Baseline baseline) throws SQLException {
        Map<String, String> orderStatus = new HashMap<>();
        List<String> customers = List.copyOf(scope.customerIds());
        try (Connection orders = connect("orders")) {
            query(orders, "SELECT id::text, status FROM customer_order WHERE customer_id::text = ANY(?)", customers,
                    row -> orderStatus.put(row.getString(1), row.getString(2)));
        }
        Map<String, Long> byStatus = orderStatus.values().stream()
                .collect(Collectors.groupingBy(status -> status, java.util.TreeMap::new, Collectors.counting()));
        Set<String> confirmed = ids(orderStatus, "CONFIRMED");
        Set<String> cancelled = ids(orderStatus, "CANCELLED");

        Map<String, Long> soldBySku = new HashMap<>();
        try (Connection orders = connect("orders")) {
            query(orders, """
                    SELECT l.sku, sum(l.quantity) FROM order_line l JOIN seller_order s ON s.id = l.seller_order_id
                      JOIN customer_order o ON o.id = s.order_id
                     WHERE o.status = 'CONFIRMED' AND l.sku = ANY(?) GROUP BY l.sku""",
                    List.copyOf(scope.initialStock().keySet()), row -> soldBySku.put(row.getString(1), row.getLong(2)));
        }

        long pending = 0;
        long paidNotConfirmed = 0;
        long capturesWithoutOrder = 0;
        long cancelledNotRefunded = 0;
        Map<String, Long> capturesPerOrder = new HashMap<>();
        try (Connection payment = connect("payment")) {
            List<Object[]> rows = new ArrayList<>();
            query(payment, "SELECT order_id, status, captured_minor, refunded_minor FROM payment WHERE customer_id = ANY(?)",
                    customers, row -> rows.add(new Object[] {row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)}));
            for (Object[] row : rows) {
                String orderId = (String) row[0];
                String status = (String) row[1];
                long captured = (Long) row[2];
                long refunded = (Long) row[3];
                String order = orderStatus.get(orderId);
                if (status.equals("PENDING")) {
                    pending++;
                }
                if (captured > 0) {
                    capturesPerOrder.merge(orderId, 1L, Long::sum);
                    if (order == null) {
                        capturesWithoutOrder++;
                    } else if (order.equals("AWAITING_PAYMENT") || order.equals("PENDING")) {
                        paidNotConfirmed++;
                    } else if (order.equals("CANCELLED") && refunded < captured) {
                        cancelledNotRefunded++;
                    }
                }
            }
        }
        long doubleCaptures = confirmed.stream().filter(id -> capturesPerOrder.getOrDefault(id, 0L) > 1).count();
        long confirmedWithoutCapture = confirmed.stream().filter(id -> !capturesPerOrder.containsKey(id)).count();
        long unbalanced;
        try (Connection payment = connect("payment")) {
            unbalanced = single(payment, """
                    SELECT count(*) FROM (SELECT transaction_id FROM ledger_entry GROUP BY transaction_id, currency
                                           HAVING sum(amount_minor) <> 0) unbalanced""");
        }

        long sellerBalanceMismatches = sellerBalanceMismatches(customers);

        long withoutOutcome;
        long leaked;
        long oversold = 0;
        long mismatches = 0;
        Map<String, String> stock = new LinkedHashMap<>();
        try (Connection seller = connect("seller")) {
            Set<String> reserved = new java.util.HashSet<>();
            Map<String, String> reservations = new HashMap<>();
            query(seller, "SELECT order_id, status FROM stock_reservation WHERE order_id = ANY(?)",
                    List.copyOf(orderStatus.keySet()), row -> reservations.put(row.getString(1), row.getString(2)));
            withoutOutcome = orderStatus.keySet().stream().filter(id -> !reservations.containsKey(id)).count();
            reservations.forEach((id, status) -> {
                if (status.equals("RESERVED")) {
                    reserved.add(id);
                }
            });
            leaked = reserved.stream().filter(id -> confirmed.contains(id) || cancelled.contains(id)).count();
            for (Map.Entry<String, Integer> sku : scope.initialStock().entrySet()) {
                long quantity = 0;
                long reservedUnits = 0;
                try (PreparedStatement item = seller.prepareStatement(
                        "SELECT quantity, reserved FROM inventory_item WHERE sku = ?")) {
                    item.setString(1, sku.getKey());
                    try (ResultSet row = item.executeQuery()) {
                        if (row.next()) {
                            quantity = row.getLong(1);
                            reservedUnits = row.getLong(2);
                        }
                    }
                }
                Map<String, Long> lines = new HashMap<>();
                query(seller, "SELECT state, sum(quantity) FROM stock_reservation_line WHERE sku = ANY(?) GROUP BY state",
                        List.of(sku.getKey()), row -> lines.put(row.getString(1), row.getLong(2)));
                long committed = lines.getOrDefault("COMMITTED", 0L);
                long sold = soldBySku.getOrDefault(sku.getKey(), 0L);
                oversold += Math.max(0, sold - sku.getValue());
                boolean adds = quantity + committed == sku.getValue() && reservedUnits == lines.getOrDefault("RESERVED", 0L)
                        && sold == committed;
                if (!adds) {
                    mismatches++;
                }
                stock.put(sku.getKey(), "start %d = left %d + committed %d; reserved %d; sold %d".formatted(
                        sku.getValue(), quantity, committed, reservedUnits, sold));
            }
        }
        return new Counts(byStatus, pending, paidNotConfirmed, withoutOutcome, doubleCaptures, confirmedWithoutCapture,
                capturesWithoutOrder, cancelledNotRefunded, unbalanced, sellerBalanceMismatches, oversold, mismatches, leaked,
                newDeadLetters(baseline), stock);
    }

    /**
     * Per seller order of the customers' orders: a confirmed one credited its seller (pending + available) and the
     * commission with exactly its total plus the platform discount (the capture's split, once); a cancelled one left
     * its seller nothing (the refund reversed the share). Returns how many seller orders break that.
     */
    private static long sellerBalanceMismatches(List<String> customers) throws SQLException {
        record SellerOrder(String orderStatus, long due) {
        }
        Map<String, SellerOrder> sellerOrders = new HashMap<>();
        try (Connection orders = connect("orders")) {
            query(orders, """
                    SELECT s.id::text, o.status, s.total + s.platform_discount FROM seller_order s
                      JOIN customer_order o ON o.id = s.order_id WHERE o.customer_id::text = ANY(?)""", customers,
                    row -> sellerOrders.put(row.getString(1), new SellerOrder(row.getString(2), row.getLong(3))));
        }
        Map<String, long[]> credited = new HashMap<>(); // seller order → {seller balances, commission}
        try (Connection payment = connect("payment")) {
            query(payment, """
                    SELECT e.seller_order_id, a.kind, -sum(e.amount_minor) FROM ledger_entry e
                      JOIN ledger_account a ON a.id = e.account_id
                     WHERE e.seller_order_id = ANY(?) AND a.kind IN ('SELLER_PENDING', 'SELLER_AVAILABLE', 'COMMISSION_REVENUE')
                     GROUP BY e.seller_order_id, a.kind""", List.copyOf(sellerOrders.keySet()), row -> {
                long[] sums = credited.computeIfAbsent(row.getString(1), k -> new long[2]);
                sums[row.getString(2).equals("COMMISSION_REVENUE") ? 1 : 0] += row.getLong(3);
            });
        }
        long mismatches = 0;
        for (Map.Entry<String, SellerOrder> each : sellerOrders.entrySet()) {
            long[] sums = credited.getOrDefault(each.getKey(), new long[2]);
            boolean holds = switch (each.getValue().orderStatus()) {
                case "CONFIRMED" -> sums[0] + sums[1] == each.getValue().due() && sums[1] >= 0 && sums[0] >= 0;
                case "CANCELLED" -> sums[0] == 0;
                default -> true; // not paid yet: nothing to compare
            };
            if (!holds) {
                mismatches++;
            }
        }
        return mismatches;
    }

    private static Set<String> ids(Map<String, String> statuses, String status) {
        return statuses.entrySet().stream().filter(e -> e.getValue().equals(status)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** One database and user per service on the local PostgreSQL, password = name (development only, see the launcher). */
    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + POSTGRES + "/" + database + "?connectTimeout=5&socketTimeout=30",
                database, database);
    }

    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, List<String> values, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", values.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    // ---- dead-letter topics

    private static long newDeadLetters(Baseline baseline) {
        return deadLetterEnds().entrySet().stream()
                .mapToLong(end -> end.getValue() - baseline.deadLetterEnds().getOrDefault(end.getKey(), 0L)).sum();
    }

    /** The dead letters written since {@code baseline}: topic, key and the failure headers of each. */
    static List<String> newDeadLetterRecords(Baseline baseline) {
        Map<TopicPartition, Long> ends = deadLetterEnds();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            Map<TopicPartition, Long> from = new HashMap<>();
            ends.forEach((partition, end) -> {
                long start = baseline.deadLetterEnds().getOrDefault(partition, 0L);
                if (end > start) {
                    from.put(partition, start);
                }
            });
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!from.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (!from.containsKey(partition) || letter.offset() >= ends.get(partition)) {
                        continue;
                    }
                    StringBuilder line = new StringBuilder(letter.topic()).append(" key=")
                            .append(letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8));
                    for (String header : List.of("kafka_dlt-original-consumer-group", "kafka_dlt-exception-fqcn",
                            "kafka_dlt-exception-cause-fqcn", "kafka_dlt-exception-message")) {
                        Header value = letter.headers().lastHeader(header);
                        if (value != null) {
                            String text = new String(value.value(), StandardCharsets.UTF_8);
                            line.append(' ').append(header.substring("kafka_dlt-".length())).append('=')
                                    .append(text.length() > 600 ? text.substring(0, 600) + "…" : text);
                        }
                    }
                    letters.add(line.toString());
                    if (letter.offset() + 1 >= ends.get(partition)) {
                        from.remove(partition);
                    }
                }
            }
        } catch (RuntimeException e) {
            letters.add("(the dead letters could not be read: " + e + ")");
        }
        return letters;
    }

    static Map<TopicPartition, Long> deadLetterEnds() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(name -> name.endsWith(".DLT"))
                    .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read the dead-letter topics at " + KAFKA, e.getCause());
        }
    }
}
