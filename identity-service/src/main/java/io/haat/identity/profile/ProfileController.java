package io.haat.identity.profile;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PATCH /me}: the signed-in user's profile. */
@RestController
public class ProfileController {

    private final ProfileService profiles;

    public ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/me")
    public ProfileResponse me() {
        return ProfileResponse.from(profiles.current());
    }

    @PatchMapping("/me")
    public ProfileResponse update(@Valid @RequestBody UpdateProfileRequest request) {
        return ProfileResponse.from(profiles.update(request));
    }
}
