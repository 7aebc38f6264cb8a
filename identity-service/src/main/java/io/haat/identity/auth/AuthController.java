package io.haat.identity.auth;

import io.haat.platform.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /auth/login}, {@code /auth/refresh}, {@code /auth/logout}. */
@RestController
public class AuthController {

    private final LoginService logins;

    public AuthController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping("/auth/login")
    public TokenResponse login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http) {
        return logins.login(request.email(), request.password(), ClientAddress.of(http));
    }

    @PostMapping("/auth/refresh")
    public TokenResponse refresh(@Valid @RequestBody AuthRequests.Refresh request) {
        return logins.refresh(request.refreshToken());
    }

    /** Ends the session: the refresh token stops working (the access token lives until it expires, minutes). */
    @PostMapping("/auth/logout")
    public ResponseEntity<Void> logout(@Valid @RequestBody AuthRequests.Refresh request) {
        logins.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }
}
