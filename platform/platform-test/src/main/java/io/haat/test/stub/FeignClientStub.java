package io.haat.test.stub;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A WireMock stand-in for another service that one Feign client calls: one server per test JVM and client name,
 * and every test context points the client at it ({@code spring.cloud.openfeign.client.config.<client>.url}). It
 * is a context customizer equal for every test class, so all test classes of a service still share ONE context.
 * A service's tests declare one subclass per stubbed client and list it in {@code META-INF/spring.factories}
 * under {@code org.springframework.test.context.ContextCustomizerFactory}:
 * <pre>
 * public final class IdentityServiceStub extends FeignClientStub {
 *     public IdentityServiceStub() { super("orderIdentity"); }
 *     public static WireMockServer get() { return server("orderIdentity"); }
 * }</pre>
 * Needs {@code org.wiremock:wiremock-standalone} on the service's test classpath.
 */
public abstract class FeignClientStub implements ContextCustomizerFactory {

    private static final Map<String, WireMockServer> SERVERS = new ConcurrentHashMap<>();

    private final String client;

    protected FeignClientStub(String client) {
        this.client = client;
    }

    /** The stub of {@code client}'s service, started on first use and stopped when the JVM ends. */
    public static WireMockServer server(String client) {
        return SERVERS.computeIfAbsent(client, name -> {
            WireMockServer server = new WireMockServer(
                    WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            return server;
        });
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new PointClientAtStub(client);
    }

    /** A record: equal for equal client names, so the context cache still hits. */
    private record PointClientAtStub(String client) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("feignClientStub." + client,
                    Map.of("spring.cloud.openfeign.client.config." + client + ".url",
                            "http://127.0.0.1:" + server(client).port())));
        }
    }
}
