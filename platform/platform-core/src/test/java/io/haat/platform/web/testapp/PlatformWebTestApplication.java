package io.haat.platform.web.testapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

import io.haat.platform.security.RolePaths;

/**
 * A servlet service as the web-platform tests see it: every auto-configuration (so platform-core as a
 * service gets it), a few test controllers and one Feign client. No component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableFeignClients(clients = DownstreamClient.class)
@Import({ProblemsTestController.class, SecureTestController.class, IdempotentTestController.class,
        FeignTestController.class, RoleTestController.class, ClientTestController.class})
public class PlatformWebTestApplication {

    /** "GET /test/public/**" is public (see the properties); one path under it is still for admins. */
    @Bean
    RolePaths testRolePaths() {
        return RolePaths.of()
                .require(HttpMethod.POST, "/test/roles/**", "SELLER", "ADMIN")
                .require(HttpMethod.GET, "/test/public/restricted", "ADMIN");
    }
}
