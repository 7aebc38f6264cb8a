package io.haat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.routing.ServiceEndpointsProperties.Endpoint;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEndpointsPropertiesTest {

    @Test
    void aServiceIsReachedThroughEurekaUnlessPointedElsewhere() {
        ServiceEndpointsProperties endpoints = new ServiceEndpointsProperties(Map.of(
                RouteTable.ORDER, new Endpoint(URI.create("http://127.0.0.1:1234")),
                RouteTable.SELLER, new Endpoint(null)));

        assertThat(endpoints.uriOf(RouteTable.ORDER)).hasToString("http://127.0.0.1:1234");
        assertThat(endpoints.uriOf(RouteTable.SELLER)).hasToString("lb://seller-service");
        assertThat(endpoints.uriOf(RouteTable.CATALOG)).hasToString("lb://catalog-service");
    }
}
