package io.haat.order.checkout;

import io.haat.order.order.OrderProperties;
import io.haat.platform.idempotency.IdempotencyFilter;
import io.haat.platform.web.ProblemResponseWriter;
import io.haat.platform.web.ProblemTypes;
import io.haat.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission to {@code POST /checkout}: at most {@code haat.order.checkout.concurrency} checkouts run at once in this
 * instance; the others wait their turn, first come first served, up to {@code queue-wait}, and past it are answered
 * 503 (Retry-After) before anything is done. Without it a flash crowd's checkouts all ran at once and raced for the
 * connection pool three times each (the Idempotency-Key's claim, the order's transaction, the stored answer): some
 * timed out on the second or third, after their order was placed, and got a 503 or the gateway's 504 for an order
 * that existed. Runs after Spring Security (a refused caller never queues) and before the Idempotency-Key's claim.
 */
@Component
class CheckoutAdmission extends OncePerRequestFilter implements Ordered {

    static final int ORDER = IdempotencyFilter.ORDER - 1;

    private final Semaphore turns;
    private final long waitNanos;
    private final ProblemResponseWriter problems;

    CheckoutAdmission(OrderProperties properties, ProblemResponseWriter problems) {
        OrderProperties.Checkout settings = properties.checkout();
        this.turns = new Semaphore(settings.concurrency(), true);
        this.waitNanos = settings.queueWait().toNanos();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/checkout".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, Problems.create(HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.SERVICE_UNAVAILABLE, "Too many checkouts at once",
                    "Checkouts are queued and this one waited its turn too long; nothing was ordered. Try again in a "
                            + "moment, with the same Idempotency-Key."));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }
}
