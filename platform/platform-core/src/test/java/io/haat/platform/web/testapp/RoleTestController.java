package io.haat.platform.web.testapp;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.haat.platform.web.testapp.ProblemsTestController.ItemRequest;
import jakarta.validation.Valid;

/** Endpoints restricted to roles by the {@code RolePaths} bean of the test application, not by annotations. */
@RestController
public class RoleTestController {

    @PostMapping("/test/roles/items")
    public ResponseEntity<Map<String, Object>> create(@Valid @RequestBody ItemRequest request) {
        return ResponseEntity.status(201).body(Map.of("name", request.name()));
    }

    @GetMapping("/test/public/restricted")
    public Map<String, String> restricted() {
        return Map.of("ok", "admin");
    }
}
