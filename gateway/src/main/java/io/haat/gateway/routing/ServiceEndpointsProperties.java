package io.haat.gateway.routing;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service is reached: {@code haat.gateway.services.<service>.uri}, by default
 * {@code lb://<service>} (resolved through Eureka). Tests and special deployments point a service at a
 * fixed address, e.g. {@code haat.gateway.services.identity-service.uri=http://127.0.0.1:1234}
 * (application.yml maps these to {@code HAAT_IDENTITY_URI}, {@code HAAT_CATALOG_URI}, ...).
 */
@ConfigurationProperties("haat.gateway")
public record ServiceEndpointsProperties(@DefaultValue Map<String, Endpoint> services) {

    /** One service's base URI. */
    public record Endpoint(URI uri) {
    }

    /** The base URI of a service. */
    public URI uriOf(String service) {
        Endpoint endpoint = services.get(service);
        return endpoint != null && endpoint.uri() != null ? endpoint.uri() : URI.create("lb://" + service);
    }
}
