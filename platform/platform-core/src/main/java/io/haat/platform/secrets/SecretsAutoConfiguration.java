package io.haat.platform.secrets;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every service refuses development secrets outside development: {@link SecretsGuard}, with the secrets each one
 * declares under {@code haat.secrets.required} (docs/security.md).
 */
@AutoConfiguration
public final class SecretsAutoConfiguration {

    @Bean
    static SecretsGuard haatSecretsGuard() {
        return new SecretsGuard();
    }
}
