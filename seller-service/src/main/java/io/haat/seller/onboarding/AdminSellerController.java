package io.haat.seller.onboarding;

import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins review seller applications: list by status, approve, reject, ban, unban. */
@RestController
@RequestMapping("/admin/sellers")
@PreAuthorize("hasRole('ADMIN')")
public class AdminSellerController {

    private final SellerService sellers;
    private final CurrentUser currentUser;

    public AdminSellerController(SellerService sellers, CurrentUser currentUser) {
        this.sellers = sellers;
        this.currentUser = currentUser;
    }

    @GetMapping
    public PageResponse<SellerResponse> list(@RequestParam(required = false) SellerStatus status,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return sellers.list(status, Paging.of(page, size)).map(SellerResponse::from);
    }

    @GetMapping("/{id}")
    public SellerResponse get(@PathVariable UUID id) {
        return SellerResponse.from(sellers.get(id));
    }

    @PostMapping("/{id}/approve")
    public SellerResponse approve(@PathVariable UUID id) {
        return SellerResponse.from(sellers.approve(id, admin()));
    }

    @PostMapping("/{id}/reject")
    public SellerResponse reject(@PathVariable UUID id, @Valid @RequestBody SellerDecisionRequest request) {
        return SellerResponse.from(sellers.reject(id, request.reason(), admin()));
    }

    @PostMapping("/{id}/ban")
    public SellerResponse ban(@PathVariable UUID id, @Valid @RequestBody SellerDecisionRequest request) {
        return SellerResponse.from(sellers.ban(id, request.reason(), admin()));
    }

    @PostMapping("/{id}/unban")
    public SellerResponse unban(@PathVariable UUID id) {
        return SellerResponse.from(sellers.unban(id, admin()));
    }

    private Actor admin() {
        return Actor.current(currentUser);
    }
}
