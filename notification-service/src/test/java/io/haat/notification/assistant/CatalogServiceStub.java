package io.haat.notification.assistant;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.haat.test.stub.FeignClientStub;

/** catalog-service as the assistant's Feign client sees it in tests. */
public final class CatalogServiceStub extends FeignClientStub {

    public CatalogServiceStub() {
        super("assistantCatalog");
    }

    public static WireMockServer get() {
        return server("assistantCatalog");
    }
}
