package io.haat.notification.assistant;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.test.stub.FeignClientStub;

/** order-service as the assistant's Feign client sees it in tests. */
public final class OrderServiceStub extends FeignClientStub {

    public OrderServiceStub() {
        super("assistantOrders");
    }

    public static WireMockServer get() {
        return server("assistantOrders");
    }
}
