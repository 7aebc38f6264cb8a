package io.haat.platform.web.testapp;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.haat.platform.idempotency.Idempotent;
import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** Unsafe endpoints whose effect is a row in {@code test_order}. */
@RestController
public class IdempotentTestController {

    public record OrderRequest(@NotBlank String reference, String note) {
    }

    public record OrderCreated(UUID id, String reference, int invocation) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AtomicInteger invocations = new AtomicInteger();
    private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();

    public IdempotentTestController(DataSource dataSource, CurrentUser currentUser) {
        this.jdbc = JdbcClient.create(dataSource);
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping("/test/orders")
    public ResponseEntity<OrderCreated> create(@Valid @RequestBody OrderRequest request) throws InterruptedException {
        if (request.reference().startsWith("slow-")) {
            Thread.sleep(300); // keeps the first request running while its duplicates arrive
        }
        return insert(request);
    }

    @Idempotent(required = true)
    @PostMapping("/test/payments")
    public ResponseEntity<OrderCreated> pay(@Valid @RequestBody OrderRequest request) {
        return insert(request);
    }

    /** Fails (500) the first time a reference is seen, then works. */
    @Idempotent
    @PostMapping("/test/flaky-orders")
    public ResponseEntity<OrderCreated> flaky(@Valid @RequestBody OrderRequest request) {
        if (flakyAttempts.computeIfAbsent(request.reference(), r -> new AtomicInteger()).incrementAndGet() == 1) {
            throw new IllegalStateException("transient failure");
        }
        return insert(request);
    }

    private ResponseEntity<OrderCreated> insert(OrderRequest request) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO test_order (id, reference, owner) VALUES (:id, :reference, :owner)")
                .param("id", id).param("reference", request.reference()).param("owner", currentUser.subject())
                .update();
        OrderCreated created = new OrderCreated(id, request.reference(), invocations.incrementAndGet());
        return ResponseEntity.created(URI.create("/test/orders/" + id)).body(created);
    }
}
