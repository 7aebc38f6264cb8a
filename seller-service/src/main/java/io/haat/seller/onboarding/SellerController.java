package io.haat.seller.onboarding;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A SELLER user's own application: apply, and see where it stands. */
@RestController
@RequestMapping("/sellers")
@PreAuthorize("hasRole('SELLER')")
public class SellerController {

    private final SellerService sellers;
    private final CurrentUser currentUser;

    public SellerController(SellerService sellers, CurrentUser currentUser) {
        this.sellers = sellers;
        this.currentUser = currentUser;
    }

    @PostMapping("/apply")
    public ResponseEntity<SellerResponse> apply(@Valid @RequestBody SellerApplicationRequest request) {
        Seller seller = sellers.apply(Actor.current(currentUser), currentUser.email().orElse(null), request);
        return ResponseEntity.created(URI.create("/sellers/me")).body(SellerResponse.from(seller));
    }

    @GetMapping("/me")
    public SellerResponse me() {
        return SellerResponse.from(sellers.mine(currentUser.subject()));
    }
}
