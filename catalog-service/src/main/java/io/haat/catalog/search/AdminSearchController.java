package io.haat.catalog.search;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins rebuild the search index from MongoDB; searches keep being answered from the current one meanwhile. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class AdminSearchController {

    private final SearchService search;
    private final CurrentUser currentUser;

    public AdminSearchController(SearchService search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
    }

    /** 202 {@code {status: "started"}}, or {@code "already-running"} when a rebuild is under way. */
    @PostMapping("/admin/search/reindex")
    public ResponseEntity<Map<String, String>> reindex() {
        boolean started = search.reindex(Actor.current(currentUser));
        return ResponseEntity.accepted().body(Map.of("status", started ? "started" : "already-running"));
    }
}
