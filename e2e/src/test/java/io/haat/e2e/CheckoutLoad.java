package io.haat.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A steady checkout load for the fault suite: each customer, in a loop of its own until the load stops, adds a
 * product (often the hot one) to the cart, checks out and pays with the sandbox, as a client would through a fault:
 * a lost or 5xx answer is retried with the same Idempotency-Key, a {@code 409 order-not-payable} with a new one. It
 * never waits for CONFIRMED (the {@link Invariants} look at everything afterwards, in the databases). Every answer
 * is counted by step and status ({@code 0} = no answer), to print what the clients saw during the fault.
 */
final class CheckoutLoad implements AutoCloseable {

    private static final int NO_ANSWER = 0;
    private static final Duration PAY_FOR = Duration.ofSeconds(30);

    /** A payment the load made: what the webhook scenario needs to play the provider. */
    record Paid(String orderId, String paymentId, String status) {
    }

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> loops;
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Set<String> placed = ConcurrentHashMap.newKeySet();
    private final Map<String, Paid> paid = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong slowestNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running = true;
    private final long started = System.nanoTime();

    private CheckoutLoad(List<KeycloakAdmin.Customer> customers, Sellers.Listed hot, List<Sellers.Listed> others) {
        loops = customers.stream().<Future<?>>map(customer -> workers.submit(() -> loop(customer, hot, others))).toList();
    }

    /** Starts one loop per customer; half the adds are {@code hot}, the rest spread over {@code others}. */
    static CheckoutLoad start(List<KeycloakAdmin.Customer> customers, Sellers.Listed hot, List<Sellers.Listed> others) {
        return new CheckoutLoad(customers, hot, others);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the loops (each finishes its current step) and returns once they have. */
    void stop() {
        running = false;
        for (Future<?> loop : loops) {
            try {
                loop.get();
            } catch (Exception e) {
                record("loop", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        workers.shutdownNow();
    }

    /** Orders whose checkout was answered 201 (the invariants find the others, whose answer was lost, in order-service). */
    Set<String> placed() {
        return Set.copyOf(placed);
    }

    Map<String, Paid> paid() {
        return Map.copyOf(paid);
    }

    /** What the clients saw: {@code step status → count}, e.g. {@code checkout 201=40, checkout 503=3, pay 0=1}. */
    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }

    private void loop(KeycloakAdmin.Customer customer, Sellers.Listed hot, List<Sellers.Listed> others) {
        while (running) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Sellers.Listed product = others.isEmpty() || random.nextBoolean() ? hot : others.get(random.nextInt(others.size()));
            HttpResponse<String> added = send("cart", () -> Shopping.addToCart(customer.accessToken(), product, 1));
            if (added == null || added.statusCode() >= 300) {
                pause(250);
                continue;
            }
            String checkoutKey = UUID.randomUUID().toString();
            HttpResponse<String> checkout = retried("checkout", () -> Shopping.checkout(customer.accessToken(), checkoutKey));
            if (checkout == null || checkout.statusCode() != 201) {
                pause(250);
                continue;
            }
            String orderId = Gateway.json(checkout).get("orderId").asString();
            placed.add(orderId);
            pay(customer, orderId);
        }
    }

    /** Pays until payment-service takes it (its copy of the order turns AWAITING_PAYMENT) or {@link #PAY_FOR} passed. */
    private void pay(KeycloakAdmin.Customer customer, String orderId) {
        long deadline = System.nanoTime() + PAY_FOR.toNanos();
        while (running && System.nanoTime() < deadline) {
            String key = UUID.randomUUID().toString();
            HttpResponse<String> answer = retried("pay", () -> Shopping.pay(customer.accessToken(), orderId, key));
            if (answer != null && answer.statusCode() == 201) {
                JsonNode payment = Gateway.json(answer);
                paid.put(orderId, new Paid(orderId, payment.get("paymentId").asString(), payment.get("status").asString()));
                return;
            }
            if (answer != null && answer.statusCode() != 409) {
                return; // refused for good (e.g. the order was cancelled meanwhile)
            }
            pause(300);
        }
    }

    /** The call, again with the same request (same key) while the answer is lost or a 5xx: at most 4 tries. */
    private HttpResponse<String> retried(String step, Supplier<HttpResponse<String>> call) {
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < 4 && running; attempt++) {
            answer = send(step, call);
            if (answer != null && answer.statusCode() < 500) {
                return answer;
            }
            pause(1_000);
        }
        return answer;
    }

    /** The longest any one call took to be answered (or to fail): no client may hang past the gateway's timeout. */
    Duration slowest() {
        return Duration.ofNanos(slowestNanos.get());
    }

    private HttpResponse<String> send(String step, Supplier<HttpResponse<String>> call) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> answer = call.get();
            record(step, Integer.toString(answer.statusCode()));
            return answer;
        } catch (RuntimeException e) {
            record(step, Integer.toString(NO_ANSWER));
            return null;
        } finally {
            slowestNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
        }
    }

    private void record(String step, String outcome) {
        answers.computeIfAbsent(step + " " + outcome, k -> new LongAdder()).increment();
    }

    private static void pause(long millis) {
        LockSupport.parkNanos(Duration.ofMillis(millis).toNanos());
    }
}
