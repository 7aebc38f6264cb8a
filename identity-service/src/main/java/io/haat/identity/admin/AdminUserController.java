package io.haat.identity.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.haat.identity.profile.Role;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.identity.profile.UserStatus;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/users}: list, search, view, ban and unban users. ADMIN only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class AdminUserController {

    /** Why the user is banned (shown to other admins and in the audit trail). */
    public record BanRequest(String reason) {
    }

    private final AdminUserService users;

    public AdminUserController(AdminUserService users) {
        this.users = users;
    }

    /** Newest first; {@code q} matches email or name (case-insensitive, partial). */
    @GetMapping("/admin/users")
    public PageResponse<UserDetailResponse> list(@RequestParam(required = false) String role,
                                                 @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        List<FieldProblem> errors = new ArrayList<>();
        Role roleFilter = null;
        if (role != null && !role.isBlank()) {
            roleFilter = Role.parse(role.strip().toUpperCase(Locale.ROOT)).orElse(null);
            if (roleFilter == null) {
                errors.add(new FieldProblem("role", "must be one of CUSTOMER, SELLER, ADMIN, DELIVERY_AGENT, SUPPORT"));
            }
        }
        UserStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            try {
                statusFilter = UserStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("status", "must be ACTIVE or BANNED"));
            }
        }
        if (q != null && q.length() > 100) {
            errors.add(new FieldProblem("q", "must be at most 100 characters"));
        }
        InvalidRequestException.throwIfAny(errors);
        return users.search(new UserProfileRepository.Query(roleFilter, statusFilter, q, Paging.of(page, size)))
                .map(profile -> UserDetailResponse.from(profile));
    }

    @GetMapping("/admin/users/{id}")
    public UserDetailResponse get(@PathVariable UUID id) {
        return users.detail(id);
    }

    @PostMapping("/admin/users/{id}/ban")
    public UserDetailResponse ban(@PathVariable UUID id, @RequestBody(required = false) BanRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "No reason given" : request.reason().strip();
        if (reason.length() > 500) {
            throw new InvalidRequestException("reason", "must be at most 500 characters");
        }
        return users.ban(id, reason);
    }

    @PostMapping("/admin/users/{id}/unban")
    public UserDetailResponse unban(@PathVariable UUID id) {
        return users.unban(id);
    }
}
