package io.haat.platform.web.testapp;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.haat.platform.security.CurrentUser;

/** Endpoints behind the default resource-server chain. */
@RestController
public class SecureTestController {

    private final CurrentUser currentUser;

    public SecureTestController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/test/secure/me")
    public Map<String, Object> me() {
        return Map.of(
                "id", currentUser.id().toString(),
                "subject", currentUser.subject(),
                "email", currentUser.email().orElse(""),
                "roles", new TreeSet<>(currentUser.roles()),
                "isAdmin", currentUser.hasRole("ADMIN"),
                "bearerToken", currentUser.bearerToken().orElse(""));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/test/secure/admin")
    public Map<String, String> admin() {
        return Map.of("ok", "admin");
    }

    @GetMapping("/test/public/ping")
    public Map<String, Object> publicPing() {
        return Map.of("authenticated", currentUser.isAuthenticated());
    }
}
