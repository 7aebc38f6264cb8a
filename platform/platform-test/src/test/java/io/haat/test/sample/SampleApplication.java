package io.haat.test.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest Spring Boot resource server: stands in for a service in platform-test's own tests. */
@SpringBootApplication
public class SampleApplication {

    @RestController
    static class WhoAmIController {

        @GetMapping("/me")
        String me(@AuthenticationPrincipal Jwt jwt) {
            return jwt.getSubject();
        }

    }

}
