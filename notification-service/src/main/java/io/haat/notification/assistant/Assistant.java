package io.haat.notification.assistant;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.haat.events.Money;
import io.haat.platform.feign.RemoteServiceException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chatbot: retrieval, no generative model. "Where is my order" → the signed-in customer's recent orders from
 * order-service; a clear product question (a price limit, "in stock", "do you have …") → catalog search; otherwise
 * the FAQ when it is confident, else a catalog search for the words, else an honest "not sure" with the way to a
 * person (a support chat).
 */
@Component
public class Assistant {

    private static final Logger log = LoggerFactory.getLogger(Assistant.class);
    private static final Pattern ORDER_QUESTION = Pattern.compile(
            "\\b(where('?s| is| are)? my (order|orders|parcel|package|delivery)|track(ing)? my (order|parcel|package)"
                    + "|status of my (order|parcel)|order status|my (last |latest |recent )?orders?\\b.*"
                    + "(arrive|come|ship|status|where)|has my (order|parcel) (shipped|arrived|been))",
            Pattern.CASE_INSENSITIVE);
    static final Link SUPPORT_CHAT = new Link("Chat with support", "/chats?support=true");

    private final FaqIndex faq;
    private final CatalogSearchClient catalog;
    private final OrderHistoryClient orders;
    private final AssistantProperties properties;

    Assistant(FaqIndex faq, CatalogSearchClient catalog, OrderHistoryClient orders, AssistantProperties properties) {
        this.faq = faq;
        this.catalog = catalog;
        this.orders = orders;
        this.properties = properties;
    }

    /** Answers {@code message}; {@code signedIn} says whether the caller's own orders can be looked up. */
    public Answer answer(String message, boolean signedIn) {
        if (ORDER_QUESTION.matcher(message).find()) {
            return signedIn ? recentOrders() : signIn();
        }
        Optional<FaqIndex.Match> match = faq.best(message);
        ProductQuestion products = ProductQuestion.parse(message);
        if (products.explicit() && products.names()) {
            Optional<Answer> found = products(products);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (match.isPresent() && match.get().confident()) {
            FaqEntry entry = match.get().entry();
            return new Answer(entry.answer(), entry.links(), "FAQ", entry.id());
        }
        if (products.names() && !products.explicit()) {
            Optional<Answer> found = products(products);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (products.explicit() && products.names()) {
            return unsure("I could not find products matching \"" + products.text() + "\""
                    + (products.maxPrice() != null ? " under " + money(new Money(products.maxPrice(), "NPR")) : "")
                    + (products.inStock() ? " in stock" : "") + ".");
        }
        return unsure("I am not sure I understood.");
    }

    private Optional<Answer> products(ProductQuestion question) {
        List<CatalogSearchClient.Product> found;
        try {
            CatalogSearchClient.SearchPage page = catalog.search(question.text(), question.minPrice(),
                    question.maxPrice(), question.inStock() ? Boolean.TRUE : null, properties.products());
            found = page == null || page.items() == null ? List.of() : page.items();
        } catch (RemoteServiceException | FeignException | CallNotPermittedException e) {
            log.warn("assistant: product search failed: {}", e.toString());
            return Optional.of(unsure("I cannot look products up right now."));
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Link> links = new ArrayList<>();
        StringBuilder text = new StringBuilder(found.size() == 1 ? "I found this:" : "I found these:");
        for (CatalogSearchClient.Product product : found.subList(0, Math.min(found.size(), properties.products()))) {
            Money price = product.amount();
            text.append("\n• ").append(product.name());
            if (price != null) {
                text.append(" — ").append(money(price));
            }
            if (product.inStock() != null) {
                text.append(product.inStock() ? " (in stock)" : " (out of stock)");
            }
            links.add(new Link(product.name(), "/products/" + product.productId()));
        }
        return Optional.of(new Answer(text.toString(), links, "PRODUCTS", null));
    }

    private Answer recentOrders() {
        List<OrderHistoryClient.Order> recent;
        try {
            OrderHistoryClient.OrderPage page = orders.mine(properties.orders());
            recent = page == null || page.items() == null ? List.of() : page.items();
        } catch (RemoteServiceException | FeignException | CallNotPermittedException e) {
            log.warn("assistant: order lookup failed: {}", e.toString());
            return unsure("I cannot look your orders up right now.");
        }
        if (recent.isEmpty()) {
            return new Answer("You have no orders yet.", List.of(new Link("My orders", "/orders")), "ORDERS", null);
        }
        StringBuilder text = new StringBuilder("Your latest orders:");
        List<Link> links = new ArrayList<>();
        for (OrderHistoryClient.Order order : recent) {
            String shortId = order.id().length() > 8 ? order.id().substring(0, 8) : order.id();
            text.append("\n• Order ").append(shortId).append(": ").append(describe(order.status()));
            if (order.total() != null) {
                text.append(" (").append(money(order.total())).append(")");
            }
            links.add(new Link("Order " + shortId, "/orders/" + order.id()));
        }
        return new Answer(text.toString(), links, "ORDERS", null);
    }

    private static Answer signIn() {
        return new Answer("Sign in and ask me again, and I will tell you where your orders are.",
                List.of(new Link("Sign in", "/login"), new Link("My orders", "/orders")), "SIGN_IN", null);
    }

    private static Answer unsure(String why) {
        return new Answer(why + " Would you like to chat with our support team?", List.of(SUPPORT_CHAT), "UNSURE",
                null);
    }

    private static String describe(String status) {
        if (status == null) {
            return "status unknown";
        }
        return status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String money(Money money) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(2);
        return money.currency() + " " + format.format(money.amountMinor() / 100.0);
    }

    /** An answer: text, links, its kind ({@code FAQ}, {@code PRODUCTS}, {@code ORDERS}, {@code SIGN_IN}, {@code UNSURE}). */
    public record Answer(String text, List<Link> links, String kind, String faqId) {
    }
}
