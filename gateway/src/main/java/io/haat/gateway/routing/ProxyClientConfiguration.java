package io.haat.gateway.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The HTTP client that proxies to the services runs on the server's own event loops. Out of the box Spring Cloud
 * Gateway's client uses Reactor Netty's global loops while the server has loops of its own: every proxied request
 * then crossed from a server thread to a client thread and back (two hand-offs, and twice the I/O threads on a small
 * machine). On shared, colocating loops a connection to a service is served by the thread that accepted the client's
 * request. Profiled with {@code GatewayOverheadBenchmarkTest}.
 */
@Configuration(proxyBeanMethods = false)
public class ProxyClientConfiguration {

    @Bean
    HttpClientCustomizer serverLoopsForTheProxyClient(ObjectProvider<ReactorResourceFactory> resources) {
        return httpClient -> {
            ReactorResourceFactory factory = resources.getIfAvailable();
            return factory != null ? httpClient.runOn(factory.getLoopResources()) : httpClient;
        };
    }
}
