package io.haat.platform.web.testapp;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.Versions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Endpoints that fail in every way the problem handler must cover. */
@RestController
@RequestMapping("/test/problems")
public class ProblemsTestController {

    private static final Logger log = LoggerFactory.getLogger(ProblemsTestController.class);
    public static final UUID MISSING_ITEM = UUID.fromString("00000000-0000-0000-0000-000000000404");

    public record ItemRequest(@NotBlank String name, @NotNull @Positive Integer quantity) {
    }

    public record Item(UUID id, String name, int quantity) {
    }

    @PostMapping("/items")
    public ResponseEntity<Item> create(@Valid @RequestBody ItemRequest request) {
        Item item = new Item(UUID.randomUUID(), request.name(), request.quantity());
        return ResponseEntity.created(URI.create("/test/problems/items/" + item.id())).body(item);
    }

    @GetMapping("/items/{id}")
    public Item get(@PathVariable UUID id) {
        log.info("Looking up test item {}", id);
        if (MISSING_ITEM.equals(id)) {
            throw NotFoundException.of("Item", id);
        }
        return new Item(id, "thing", 1);
    }

    @GetMapping("/search")
    public String search(@RequestParam @Min(1) @Max(100) int size) {
        return "size " + size;
    }

    /** A list endpoint as every service writes one. */
    @GetMapping("/pages")
    public PageResponse<Integer> pages(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return PageResponse.of(List.of(1, 2, 3), paging, 3);
    }

    /** An edit of a resource at version 3, conditional on If-Match or the body's version. */
    @PutMapping("/versioned")
    public Map<String, Long> editVersioned(@RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           @RequestBody VersionedRequest request) {
        Versions.requireCurrent("The thing", Versions.expected(ifMatch, request.version()), 3);
        return Map.of("version", 4L);
    }

    public record VersionedRequest(Long version) {
    }

    @GetMapping("/field-errors")
    public String fieldErrors(@RequestParam String from, @RequestParam String to) {
        throw new InvalidRequestException("from", "must be before 'to'");
    }

    @GetMapping("/conflict")
    public String conflict() {
        throw (ConflictException) new ConflictException("insufficient-stock", "Insufficient stock",
                "Only 2 units of SKU-1 are left.").with("available", 2);
    }

    /** What a JDBC driver throws, translated by Spring, when a value cannot be stored: {@code state} its SQLSTATE. */
    @GetMapping("/refused-by-database/{state}")
    public String refusedByDatabase(@org.springframework.web.bind.annotation.PathVariable String state) {
        throw new org.springframework.dao.DataIntegrityViolationException("could not execute statement",
                new java.sql.SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 at db-internal", state));
    }

    @GetMapping("/database-down")
    public void databaseDown() {
        throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
                        + " after 5000ms at db-internal"));
    }

    @GetMapping("/boom")
    public String boom() {
        throw new IllegalStateException("secret: connection to db-internal.cluster.local refused at java.net.Socket");
    }

    @GetMapping("/send-error")
    public void sendError(HttpServletResponse response) throws java.io.IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT, "internal reason the client must not see");
    }
}
