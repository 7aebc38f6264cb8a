package io.haat.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the gateway (seller-, catalog-, order- and identity-service behind it) and Keycloak's token endpoint,
 * with just enough state for {@link DemoMarketplaceSeeder}: it checks tokens and roles, and can answer scripted
 * statuses first. It keeps only the customer's address book, so {@code /me/addresses} is the customer's alone.
 */
final class FakeGateway implements AutoCloseable {

    static final String ADMIN = "Bearer token-" + DemoAccount.ADMIN.email();
    static final String SELLER = "Bearer token-" + DemoAccount.SELLER.email();
    static final String CUSTOMER = "Bearer token-" + DemoAccount.CUSTOMER.email();
    /** Whole numbers come back as Long, whatever their size, so the tests compare with one type. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    Map<String, Object> seller;
    final List<Map<String, Object>> stores = new ArrayList<>();
    final List<Map<String, Object>> categories = new ArrayList<>();
    final List<Map<String, Object>> products = new ArrayList<>();
    final Map<String, Map<String, Object>> inventory = new LinkedHashMap<>();
    final List<Map<String, Object>> shippingMethods = new ArrayList<>();
    final List<Map<String, Object>> addresses = new ArrayList<>();
    private final HttpServer server;

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/haat/protocol/openid-connect/token";
    }

    /** The next answers to {@code "METHOD /path"} (path without {@code /api/v1}) are these statuses. */
    void script(String request, Integer... statuses) {
        scripted.computeIfAbsent(request, key -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    List<String> changes() {
        return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().replaceFirst("^/api/v1", "");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(method + " " + path);
        Deque<Integer> queued = scripted.get(method + " " + path);
        if (queued != null && !queued.isEmpty()) {
            respond(exchange, queued.poll(), Map.of("title", "scripted"));
            return;
        }
        if (path.endsWith("/protocol/openid-connect/token")) {
            Map<String, String> form = form(body);
            boolean known = form.get("client_id").equals("haat-web") && form.get("grant_type").equals("password")
                    && Arrays.stream(DemoAccount.values()).anyMatch(account -> account.email().equals(form.get("username"))
                            && account.password().equals(form.get("password")));
            respond(exchange, known ? 200 : 401, known ? Map.of("access_token", "token-" + form.get("username")) : Map.of());
            return;
        }
        boolean admin = ADMIN.equals(auth);
        boolean customer = CUSTOMER.equals(auth);
        if (!admin && !customer && !SELLER.equals(auth)) {
            respond(exchange, 401, Map.of());
            return;
        }
        boolean sellerOnly = path.startsWith("/sellers") || path.startsWith("/stores");
        if (path.startsWith("/admin/") && !admin || sellerOnly && (admin || customer) || path.startsWith("/me/") != customer) {
            respond(exchange, 403, Map.of());
            return;
        }
        Object[] answer = route(method, path, body.isEmpty() ? null : JSON.readValue(body, Object.class));
        respond(exchange, (Integer) answer[0], answer[1]);
    }

    @SuppressWarnings("unchecked")
    private Object[] route(String method, String path, Object body) {
        Map<String, Object> json = (Map<String, Object>) body;
        Matcher m;
        String route = method + " " + path;
        if (route.equals("GET /sellers/me")) {
            return seller == null ? answer(404, Map.of()) : answer(200, seller);
        }
        if (route.equals("POST /sellers/apply")) {
            seller = new LinkedHashMap<>(json);
            seller.put("id", "seller-1");
            seller.put("status", "PENDING");
            return answer(201, seller);
        }
        if (route.equals("POST /admin/sellers/seller-1/approve")) {
            seller.put("status", "APPROVED");
            return answer(200, seller);
        }
        if (route.equals("GET /stores/mine")) {
            return answer(200, page(stores));
        }
        if (route.equals("POST /stores")) {
            if (seller == null || !seller.get("status").equals("APPROVED")) {
                return answer(403, Map.of("type", "seller-not-approved"));
            }
            Map<String, Object> store = new LinkedHashMap<>(json);
            store.put("id", "store-1");
            stores.add(store);
            return answer(201, store);
        }
        if (route.equals("GET /categories")) {
            return answer(200, categories);
        }
        if (route.equals("POST /admin/categories")) {
            Map<String, Object> category = new LinkedHashMap<>(json);
            category.put("id", "category-" + (categories.size() + 1));
            category.put("children", List.of());
            categories.add(category);
            return answer(201, category);
        }
        if ((m = Pattern.compile("(GET|POST) /stores/store-1/products").matcher(route)).matches()) {
            if (method.equals("GET")) {
                return answer(200, page(products.stream().map(p -> Map.of("id", p.get("id"), "name", p.get("name"), "status", p.get("status"))).toList()));
            }
            Map<String, Object> product = new LinkedHashMap<>(json);
            product.put("id", "product-" + (products.size() + 1));
            product.put("status", "PENDING_REVIEW");
            products.add(product);
            return answer(201, product);
        }
        if ((m = Pattern.compile("POST /admin/products/([^/]+)/approve").matcher(route)).matches()) {
            String id = m.group(1);
            Map<String, Object> product = products.stream().filter(p -> p.get("id").equals(id)).findFirst().orElseThrow();
            product.put("status", "ACTIVE");
            return answer(200, product);
        }
        if ((m = Pattern.compile("(GET|PUT) /stores/store-1/inventory/([^/]+)").matcher(route)).matches()) {
            String sku = m.group(2);
            if (method.equals("PUT")) {
                Map<String, Object> item = new LinkedHashMap<>(json);
                item.put("sku", sku);
                inventory.put(sku, item);
            }
            return inventory.containsKey(sku) ? answer(200, inventory.get(sku)) : answer(404, Map.of());
        }
        if (route.equals("GET /stores/store-1/shipping-methods")) {
            return answer(200, page(shippingMethods.stream().filter(s -> !Boolean.FALSE.equals(s.get("active"))).toList()));
        }
        if (route.equals("POST /stores/store-1/shipping-methods")) {
            Map<String, Object> shippingMethod = new LinkedHashMap<>(json);
            shippingMethod.put("id", "shipping-" + (shippingMethods.size() + 1));
            shippingMethod.put("storeId", "store-1");
            shippingMethod.put("version", 0L);
            shippingMethods.add(shippingMethod);
            return answer(201, shippingMethod);
        }
        if (route.equals("GET /me/addresses")) {
            return answer(200, page(addresses));
        }
        if (route.equals("POST /me/addresses")) {
            Map<String, Object> address = new LinkedHashMap<>(json);
            address.put("id", "address-" + (addresses.size() + 1));
            addresses.add(address);
            return answer(201, address);
        }
        return answer(404, Map.of("title", "no route " + route));
    }

    private static Object[] answer(int status, Object body) {
        return new Object[] {status, body};
    }

    private static Map<String, Object> page(List<?> items) {
        return Map.of("items", items, "page", 0L, "size", 100L, "totalItems", (long) items.size());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
