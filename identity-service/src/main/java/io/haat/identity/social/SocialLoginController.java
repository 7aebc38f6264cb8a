package io.haat.identity.social;

import io.haat.identity.auth.TokenResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /auth/social/{provider}}: 302 to Keycloak's broker for Google or Facebook (PKCE, {@code kc_idp_hint});
 * {@code POST /auth/social/token}: the code that came back to the frontend, exchanged for tokens. See the README
 * for the frontend flow.
 */
@RestController
public class SocialLoginController {

    /** The callback's {@code code} and {@code state}; {@code codeVerifier} only if the client sent its own challenge. */
    public record CodeExchange(@NotBlank @Size(max = 4096) String code, @NotBlank @Size(max = 100) String state,
                               @Size(min = 43, max = 128) String codeVerifier) {
    }

    private final SocialLoginService social;

    public SocialLoginController(SocialLoginService social) {
        this.social = social;
    }

    @GetMapping("/auth/social/{provider}")
    public ResponseEntity<SocialLoginService.Redirect> start(
            @PathVariable String provider,
            @RequestParam(required = false) @Size(max = 500) String redirectUri,
            @RequestParam(required = false)
            @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be an S256 code challenge") String codeChallenge,
            @RequestParam(required = false)
            @Pattern(regexp = "[A-Za-z0-9._~-]{8,100}", message = "must be 8-100 URL-safe characters") String state) {
        SocialLoginService.Redirect redirect = social.start(provider, redirectUri, codeChallenge, state);
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, redirect.authorizationUrl().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(redirect);
    }

    @PostMapping("/auth/social/token")
    public TokenResponse exchange(@Valid @RequestBody CodeExchange request) {
        return TokenResponse.from(social.exchange(request.state(), request.code(), request.codeVerifier()));
    }
}
