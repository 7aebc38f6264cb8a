package io.haat.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code haat.security.*}: {@code public-paths} lists the requests a service answers without a token,
 * each {@code "[METHOD ]/path/pattern"} (Spring {@code PathPattern} syntax), e.g. {@code "POST /auth/login"}
 * or {@code "/products/**"}.
 */
@ConfigurationProperties("haat.security")
public record HaatSecurityProperties(List<String> publicPaths) {

    public HaatSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
