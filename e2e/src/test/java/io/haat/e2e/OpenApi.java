package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations the services document in their own OpenAPI documents, fetched through the gateway's Swagger
 * aggregation ({@code /api/v1/<service>/v3/api-docs}): what the attack suite calls, each with its parameters and the
 * schema of its JSON body, {@code $ref}s resolved.
 */
final class OpenApi {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A path or query parameter. */
    record Param(String name, String in, JsonNode schema, boolean required) {
    }

    /** One operation: gateway path template (e.g. {@code /api/v1/orders/{id}}), its parameters and body. */
    record Operation(String service, String method, String path, List<Param> params, JsonNode body, String bodyType,
                     boolean bodyRequired, Map<String, JsonNode> schemas) {

        String key() {
            return method + " " + path;
        }

        /** The path as the service declares it, without the gateway's prefix. */
        String servicePath() {
            return path.substring("/api/v1".length());
        }

        boolean has(String in) {
            return params.stream().anyMatch(param -> param.in().equals(in));
        }

        boolean multipart() {
            return bodyType != null && bodyType.startsWith("multipart/");
        }
    }

    private OpenApi() {
    }

    /** Every documented operation of every service. */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String service : Marketplace.SERVICES) {
            HttpResponse<String> docs = Gateway.get("/api/v1/" + service + "/v3/api-docs", null);
            assertThat(docs.statusCode()).as(service + " api-docs").isEqualTo(200);
            operations.addAll(parse(service, Gateway.json(docs)));
        }
        return operations;
    }

    static List<Operation> parse(String service, JsonNode docs) {
        Map<String, JsonNode> schemas = new java.util.HashMap<>();
        JsonNode components = docs.path("components").path("schemas");
        for (String name : components.propertyNames()) {
            schemas.put(name, components.get(name));
        }
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = docs.path("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            String gatewayPath = path.startsWith("/api/v1/") ? path : "/api/v1" + path;
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
                    for (JsonNode param : list) {
                        JsonNode resolved = resolve(param, schemas, 0);
                        String in = resolved.path("in").asString("");
                        if (in.equals("path") || in.equals("query")) {
                            params.add(new Param(resolved.path("name").asString(), in,
                                    resolve(resolved.path("schema"), schemas, 0),
                                    resolved.path("required").asBoolean(in.equals("path"))));
                        }
                    }
                }
                JsonNode body = null;
                String bodyType = null;
                boolean bodyRequired = false;
                JsonNode requestBody = operation.get("requestBody");
                if (requestBody != null) {
                    requestBody = resolve(requestBody, schemas, 0);
                    bodyRequired = requestBody.path("required").asBoolean(false);
                    JsonNode content = requestBody.path("content");
                    Iterator<String> types = content.propertyNames().iterator();
                    while (types.hasNext()) {
                        String type = types.next();
                        if (bodyType == null || type.toLowerCase(Locale.ROOT).contains("json")) {
                            bodyType = type;
                            body = content.get(type).path("schema");
                        }
                    }
                }
                operations.add(new Operation(service, method.toUpperCase(Locale.ROOT), gatewayPath, params, body,
                        bodyType, bodyRequired, schemas));
            }
        }
        return operations;
    }

    /** The node a {@code $ref} points to (the node itself when it is none). */
    static JsonNode resolve(JsonNode node, Map<String, JsonNode> schemas, int depth) {
        JsonNode current = node;
        while (current != null && current.has("$ref") && depth++ < 20) {
            String ref = current.get("$ref").asString();
            current = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current == null ? JsonNodeFactory.instance.objectNode() : current;
    }

    /** The JSON type a schema declares ({@code string}, {@code integer}, … or {@code object}), nulls aside. */
    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asString())) {
                    return one.asString();
                }
            }
        }
        if (type != null && type.isString()) {
            return type.asString();
        }
        if (schema.has("properties") || schema.has("additionalProperties") || schema.has("allOf")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "object";
    }

    /** The properties of an object schema, {@code allOf} parts merged. */
    static ObjectNode properties(JsonNode schema, Map<String, JsonNode> schemas, int depth) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        JsonNode resolved = resolve(schema, schemas, depth);
        for (JsonNode part : resolved.path("allOf")) {
            merged.setAll(properties(part, schemas, depth + 1));
        }
        JsonNode props = resolved.path("properties");
        for (String name : props.propertyNames()) {
            merged.set(name, props.get(name));
        }
        return merged;
    }
}
