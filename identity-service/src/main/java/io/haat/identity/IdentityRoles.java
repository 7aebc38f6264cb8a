package io.haat.identity;

import io.haat.platform.security.RolePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Roles by path, checked before MVC reads a body or parameters: a customer calling an admin endpoint gets 403,
 * not a validation problem about what they sent. {@code @PreAuthorize} on the controllers stays as the second
 * line; whose profile or address it is stays the services' job.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityRoles {

    @Bean
    RolePaths identityRolePaths() {
        return RolePaths.of().require("/admin/**", "ADMIN");
    }
}
