package io.haat.notification.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.haat.notification.chat.LiveChatTest;
import io.haat.test.HaatInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /assistant/messages} over HTTP, with catalog- and order-service stubbed behind the Feign clients. */
class AssistantApiTest extends LiveChatTest {

    @Test
    void anAnonymousVisitorGetsFaqAnswersAndKeepsTheConversation() {
        Response first = call("POST", "/assistant/messages", null, Map.of("message", "Do you offer cash on delivery?"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("kind").asString()).isEqualTo("FAQ");
        assertThat(first.body().path("faqId").asString()).isEqualTo("cod-available");
        assertThat(first.body().path("reply").asString()).contains("cash on delivery");
        String conversation = first.body().path("conversationId").asString();
        assertThat(conversation).isNotBlank();

        Response second = call("POST", "/assistant/messages", null,
                Map.of("message", "and how long is delivery?", "conversationId", conversation));
        assertThat(second.body().path("conversationId").asString()).isEqualTo(conversation);
        assertThat(second.body().path("faqId").asString()).isEqualTo("shipping-time");

        // someone else's conversation id is not theirs to continue
        User stranger = user("CUSTOMER");
        Response foreign = call("POST", "/assistant/messages", stranger.token(),
                Map.of("message", "how do I return an item", "conversationId", conversation));
        assertThat(foreign.body().path("conversationId").asString()).isNotEqualTo(conversation);
    }

    @Test
    void productQuestionsGoToCatalogSearchWithThePriceAndStockTheyAskFor() {
        CatalogServiceStub.get().stubFor(WireMock.get(urlPathEqualTo("/search")).withQueryParam("q", equalTo("red shawl"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"items": [{"productId": "p-red", "name": "Red Pashmina Shawl",
                                    "price": {"amountMinor": 250000, "currency": "NPR"}, "inStock": true}],
                         "page": 0, "size": 3, "totalItems": 1}""")));
        Response answer = call("POST", "/assistant/messages", null,
                Map.of("message", "red shawl under 3000 in stock"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("kind").asString()).isEqualTo("PRODUCTS");
        assertThat(answer.body().path("reply").asString()).contains("Red Pashmina Shawl — NPR 2,500");
        assertThat(answer.body().path("links").get(0).path("href").asString()).isEqualTo("/products/p-red");
        CatalogServiceStub.get().verify(getRequestedFor(urlPathEqualTo("/search"))
                .withQueryParam("q", equalTo("red shawl")).withQueryParam("maxPrice", equalTo("300000"))
                .withQueryParam("inStock", equalTo("true")));
    }

    @Test
    void whenTheCatalogIsDownTheAssistantSaysSoAndOffersSupport() {
        CatalogServiceStub.get().stubFor(WireMock.get(urlPathEqualTo("/search")).withQueryParam("q", equalTo("brass lamp"))
                .willReturn(aResponse().withStatus(503)));
        Response answer = call("POST", "/assistant/messages", null, Map.of("message", "do you have a brass lamp"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("kind").asString()).isEqualTo("UNSURE");
        assertThat(answer.body().path("links").get(0).path("href").asString()).isEqualTo("/chats?support=true");
    }

    @Test
    void whereIsMyOrderAnswersFromTheCallersOwnOrders() {
        User customer = user("CUSTOMER");
        OrderServiceStub.get().stubFor(WireMock.get(urlPathEqualTo("/orders"))
                .withHeader("Authorization", equalTo("Bearer " + customer.token()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"items": [{"id": "5d1c0f7a-1111-2222-3333-444455556666", "status": "SHIPPED",
                                    "total": {"amountMinor": 129900, "currency": "NPR"}, "itemCount": 2,
                                    "placedAt": "2026-12-01T10:00:00Z"}],
                         "page": 0, "size": 3, "totalItems": 1}""")));
        Response answer = call("POST", "/assistant/messages", customer.token(), Map.of("message", "Where is my order?"));
        assertThat(answer.body().path("kind").asString()).isEqualTo("ORDERS");
        assertThat(answer.body().path("reply").asString()).contains("Order 5d1c0f7a: Shipped (NPR 1,299)");
        assertThat(answer.body().path("links").get(0).path("href").asString())
                .isEqualTo("/orders/5d1c0f7a-1111-2222-3333-444455556666");

        Response anonymous = call("POST", "/assistant/messages", null, Map.of("message", "Where is my order?"));
        assertThat(anonymous.body().path("kind").asString()).isEqualTo("SIGN_IN");
    }

    @Test
    void badQuestionsAndBadTokensAreRefused() {
        assertThat(call("POST", "/assistant/messages", null, Map.of("message", " ")).status()).isEqualTo(400);
        assertThat(call("POST", "/assistant/messages", null, Map.of("message", "x".repeat(501))).status())
                .isEqualTo(400);
        String forged = HaatInfrastructure.get().jwt().builder().roles("CUSTOMER").signWithForeignKey();
        assertThat(call("POST", "/assistant/messages", forged, Map.of("message", "hi")).status()).isEqualTo(401);
    }
}
