package io.haat.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.order.order.OrderProperties;
import io.haat.platform.web.ProblemResponseWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** At most {@code concurrency} checkouts at once; the others wait their turn, then a 503 with nothing done. */
class CheckoutAdmissionTest {

    private final AtomicInteger ran = new AtomicInteger();
    /** A thread per request, as Tomcat gives (the common pool may have one thread on a small machine). */
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private CheckoutAdmission admission(int concurrency, Duration queueWait) {
        OrderProperties properties = new OrderProperties(new OrderProperties.Payment(Duration.ofMinutes(10),
                Duration.ofMinutes(1), Duration.ofSeconds(10), 100),
                new OrderProperties.Checkout(3, 50, concurrency, queueWait));
        return new CheckoutAdmission(properties, new ProblemResponseWriter(JsonMapper.shared()));
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }

    /** Runs {@code request} through the filter; the checkout itself holds its turn until {@code done} opens. */
    private CompletableFuture<MockHttpServletResponse> send(CheckoutAdmission admission, MockHttpServletRequest request,
                                                            CountDownLatch done) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                admission.doFilter(request, response, (req, res) -> {
                    ran.incrementAndGet();
                    try {
                        done.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ((MockHttpServletResponse) res).setStatus(201);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        }, threads);
    }

    @Test
    void aCheckoutPastTheLimitWaitsItsTurnAndPastTheWaitIsA503WithNothingDone() throws Exception {
        CheckoutAdmission admission = admission(1, Duration.ofSeconds(1));
        CountDownLatch first = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> running = send(admission, request("POST", "/checkout"), first);
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 1);

        MockHttpServletResponse refused = send(admission, request("POST", "/checkout"), new CountDownLatch(0))
                .get(5, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":503").contains("nothing was ordered");
        assertThat(ran).as("the refused checkout never reached the order").hasValue(1);

        // a checkout that arrives while the first runs gets its turn once the first is done
        CompletableFuture<MockHttpServletResponse> waiting = send(admission, request("POST", "/checkout"),
                new CountDownLatch(0));
        first.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(ran).hasValue(2);
    }

    @Test
    void otherRequestsNeverQueueBehindCheckouts() throws Exception {
        CheckoutAdmission admission = admission(1, Duration.ZERO);
        CountDownLatch first = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> running = send(admission, request("POST", "/checkout"), first);
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 1);

        for (MockHttpServletRequest other : List.of(request("POST", "/cart/items"),
                request("GET", "/checkout"), request("GET", "/orders"))) {
            assertThat(send(admission, other, new CountDownLatch(0)).get(5, TimeUnit.SECONDS).getStatus())
                    .as(other.getMethod() + " " + other.getServletPath()).isEqualTo(201);
        }
        first.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
    }
}
