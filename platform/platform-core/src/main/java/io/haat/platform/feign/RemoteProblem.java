package io.haat.platform.feign;

import java.net.URI;
import java.util.Map;

/** The problem ({@code application/problem+json}) a downstream service answered with, as far as it sent one. */
public record RemoteProblem(URI type, String title, String detail, Map<String, Object> properties) {

    public static final RemoteProblem NONE = new RemoteProblem(null, null, null, Map.of());

    public RemoteProblem {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
