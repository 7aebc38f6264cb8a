package io.haat.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests generated from an {@link OpenApi.Operation}: a plausible request first (every field the schema
 * describes, with a value of its type), then that request broken one way at a time: fields missing, null, of the
 * wrong type, huge, odd unicode, negative or huge numbers, extra fields, bad JSON, wrong content types, hostile path
 * and query values, the wrong method, garbage credentials.
 */
final class Malformed {

    /** One request to send. {@code mayBeValid}: it might be accepted (and so change something). */
    record Request(String kind, String method, String path, String template, String contentType, byte[] body,
                   String authorization, boolean mayBeValid) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Replaced in the serialized JSON by a lone surrogate escape, which Java strings cannot carry through Jackson. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    private static final int MAX_FIELDS = 8;
    private static final String HUGE = "A".repeat(20_000);
    private static final List<String> UNICODE = List.of(
            "\u202Eevil\u202C \u200B\u200D\uFEFF zero-width", "😀👩‍👩‍👧‍👦🏳️‍🌈", "Ω≈ç√∫˜µ≤≥÷ 中文 العربية עברית",
            "nul\u0000byte", "ctrl\u0001\u0007\u001B[31m", LONE_SURROGATE, "𝕳𝖆𝖆𝖙 " + "é".repeat(300),
            "<script>alert(1)</script>", "' OR '1'='1'; --", "{\"$gt\": \"\"}", "../../../../etc/passwd", "${jndi:ldap://x/a}");
    private static final List<String> NUMBERS = List.of("-1", "0", "-9223372036854775809", "9223372036854775808",
            "1.5", "1e400", "-1e400", "2147483648", "-2147483649", "1" + "0".repeat(500), "0.0000000000000000000001",
            "-0");
    private static final List<String> PATH_VALUES = List.of("..", "%2e%2e", "..%2f..%2fadmin", "%00", "%252e%252e",
            "%ZZ", "-1", "0", "99999999999999999999999999", "null", "true", "1e309", "%20", "%F0%9F%98%80",
            "' OR 1=1--".replace(" ", "%20").replace("'", "%27"), "a".repeat(1500), "%E2%80%AE", "a;b", "a%3Bb",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "%C3%28", "%u0000", "[]", "{}");
    private static final List<String> QUERY_VALUES = List.of("-1", "0", "abc", "99999999999999999999", "1e309", "",
            "2026-13-45", "%00", "%ZZ", "a".repeat(1500), "%F0%9F%98%80", "true", "null", "%27%20OR%201=1--",
            "DROP", "-9223372036854775809");
    private static final List<String> BAD_JSON = List.of("", "{", "}", "[", "{\"a\":}", "{'a': 1}", "{\"a\": 1,}",
            "nul", "null", "[]", "0", "\"text\"", "{\"a\" 1}", "{\"a\": NaN}", "{\"a\": Infinity}",
            "\uFEFF{}", "{}garbage", "{\"a\": 01}", "{\"a\": \"\\x41\"}", "{\"a\": \"\\uZZZZ\"}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            "{\"a\": " + "9".repeat(5000) + "}", "{\"" + "k".repeat(51_000) + "\": 1}",
            "{\"a\": 1, \"a\": 2, \"a\": {\"b\": [1, {\"c\": null}]}}", "{\"a\": \"unterminated}");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=zzz", "application/x-www-form-urlencoded", "application/json; charset=klingon",
            "application/json; charset=UTF-16", "not a media type", "application/octet-stream", "*/*",
            "application/vnd.haat+json", "text/csv");
    private static final List<String> AUTHORIZATIONS = List.of("Bearer", "Bearer ", "Bearer x.y.z", "Basic YTpi",
            "Bearer " + "e".repeat(3000), "Bearer eyJhbGciOiJub25lIn0.e30.", "bearer", "Digest x");

    private final Random random;
    private final Function<OpenApi.Operation, String> bearer;

    /** {@code bearer}: the access token an operation is called with (null: none). */
    Malformed(long seed, Function<OpenApi.Operation, String> bearer) {
        this.random = new Random(seed);
        this.bearer = bearer;
    }

    /**
     * The requests of one operation: a plausible one, then each way of breaking it. {@code careful}: the operation
     * changes shared state (admin settings), so only requests that cannot be valid are made: the plausible body is
     * left out, and the path, query, method and credential attacks carry a broken body.
     */
    List<Request> of(OpenApi.Operation op, boolean careful) {
        List<Request> requests = new ArrayList<>();
        String token = bearer.apply(op);
        String auth = token == null ? null : "Bearer " + token;
        String path = fill(op, Map.of());
        boolean json = op.body() != null && !op.multipart();
        ObjectNode sample = json ? sampleObject(op) : null;
        String plausibleBody = json ? text(sample == null ? sample(op.body(), op, 0) : sample) : null;
        String validBody = careful && json ? "{\"broken\": " : plausibleBody;

        requests.add(request(op, "plausible", path, json ? "application/json" : null, validBody, auth, true));
        if (json && sample != null) {
            List<String> fields = new ArrayList<>();
            sample.propertyNames().forEach(fields::add);
            ObjectNode props = OpenApi.properties(op.body(), op.schemas(), 0);
            for (String field : fields.subList(0, Math.min(MAX_FIELDS, fields.size()))) {
                JsonNode schema = OpenApi.resolve(props.path(field), op.schemas(), 0);
                String type = OpenApi.type(schema);
                requests.add(withField(op, path, auth, sample, field, null, "missing", true));
                requests.add(withField(op, path, auth, sample, field, NODES.nullNode(), "null", true));
                requests.add(withField(op, path, auth, sample, field, wrongType(type), "wrong-type", false));
                requests.add(withRaw(op, path, auth, sample, field, switch (type) {
                    case "integer", "number" -> "1" + "0".repeat(400);
                    case "array" -> "[" + "\"x\",".repeat(5_000) + "\"x\"]";
                    default -> "\"" + HUGE + "\"";
                }, "huge", false));
                if (type.equals("string")) {
                    String value = UNICODE.get(random.nextInt(UNICODE.size()));
                    requests.add(withField(op, path, auth, sample, field, NODES.stringNode(value), "unicode", true));
                    requests.add(withField(op, path, auth, sample, field, NODES.stringNode(""), "empty-string", true));
                } else if (type.equals("integer") || type.equals("number")) {
                    requests.add(withRaw(op, path, auth, sample, field, NUMBERS.get(random.nextInt(NUMBERS.size())),
                            "number", true));
                    requests.add(withRaw(op, path, auth, sample, field, "-1", "negative", true));
                } else if (type.equals("object") || type.equals("array")) {
                    requests.add(withRaw(op, path, auth, sample, field, nestedAttack(type), "nested", true));
                }
            }
            ObjectNode extra = sample.deepCopy();
            extra.put("id", UUID.randomUUID().toString());
            extra.put("ownerId", UUID.randomUUID().toString());
            extra.put("role", "ADMIN");
            extra.put("status", "APPROVED");
            extra.set("__proto__", NODES.objectNode().put("admin", true));
            extra.put("$where", "1 == 1");
            requests.add(request(op, "extra-fields", path, "application/json", text(extra), auth, true));
            requests.add(request(op, "empty-object", path, "application/json", "{}", auth, true));
        }
        if (op.body() != null || !op.method().equals("GET") && !op.method().equals("DELETE")) {
            for (String bad : pick(BAD_JSON, json ? BAD_JSON.size() : 6)) {
                requests.add(request(op, "bad-json", path, "application/json", bad, auth, false));
            }
            for (String type : pick(CONTENT_TYPES, json ? CONTENT_TYPES.size() : 5)) {
                String body = type.startsWith("multipart/form-data; boundary")
                        ? "--zzz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nnot an image\r\n--zz"
                        : type.contains("form-urlencoded") ? "a=%ZZ&b=1&" + "c=".repeat(50)
                        : plausibleBody != null ? plausibleBody : "{\"a\": 1}";
                requests.add(request(op, "content-type", path, type, body, auth, false));
            }
            requests.add(request(op, "no-content-type", path, null, plausibleBody != null ? plausibleBody : "{}", auth,
                    false));
        }
        if (op.multipart()) {
            requests.addAll(multipart(op, path, auth));
        }
        for (OpenApi.Param param : op.params()) {
            if (param.in().equals("path")) {
                for (String value : pick(PATH_VALUES, 10)) {
                    requests.add(request(op, "path:" + param.name(), fill(op, Map.of(param.name(), value)),
                            json ? "application/json" : null, validBody, auth, false));
                }
            } else {
                for (String value : pick(QUERY_VALUES, 4)) {
                    requests.add(request(op, "query:" + param.name(),
                            path + (path.contains("?") ? "&" : "?") + param.name() + "=" + value,
                            json ? "application/json" : null, validBody, auth, false));
                }
            }
        }
        requests.add(request(op, "unknown-query", path + (path.contains("?") ? "&" : "?")
                + "page=-5&size=100000000&sort=%27;DROP&x[]=1&page=a", json ? "application/json" : null, validBody,
                auth, !careful));
        for (String authorization : pick(AUTHORIZATIONS, 2)) {
            requests.add(request(op, "authorization", path, json ? "application/json" : null, validBody,
                    authorization, false));
        }
        String otherMethod = List.of("GET", "POST", "PUT", "PATCH", "DELETE").stream()
                .filter(method -> !method.equals(op.method())).toList().get(random.nextInt(4));
        requests.add(new Request("method", otherMethod, path, op.key(), "application/json",
                (careful ? "{" : "{}").getBytes(StandardCharsets.UTF_8), auth, false));
        return careful ? requests.stream().filter(request -> !request.mayBeValid()).toList() : requests;
    }

    private List<Request> multipart(OpenApi.Operation op, String path, String auth) {
        List<Request> requests = new ArrayList<>();
        String boundary = "haatfuzz" + random.nextInt(1000);
        List<String> bodies = List.of(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\nnot really a png\r\n--" + boundary + "--\r\n",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n\u00FF\u00D8\u00FF\u00E0garbage\r\n--" + boundary + "--\r\n",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ntruncated",
                "--" + boundary + "--\r\n",
                "garbage without any boundary",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.gif\"\r\n"
                        + "Content-Type: image/gif\r\n\r\nGIF89a\u0001\u0000\u0001\u0000\r\n--" + boundary + "--\r\n",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json"
                        + "\r\n\r\n{\"lines\": \"x\"}\r\n--" + boundary + "--\r\n");
        for (String body : bodies) {
            requests.add(new Request("multipart", op.method(), path, op.key(),
                    "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.ISO_8859_1), auth, false));
        }
        return requests;
    }

    private String nestedAttack(String type) {
        return type.equals("array")
                ? "[null, {\"$set\": {\"role\": \"ADMIN\"}}, \"x\", -1, [[[]]]]"
                : "{\"$gt\": \"\", \"a.b\": 1, \"\": null, \"__proto__\": {\"x\": 1}, \"k\": [" + "1,".repeat(200) + "1]}";
    }

    private static JsonNode wrongType(String type) {
        return switch (type) {
            case "string" -> NODES.objectNode().put("not", "a string");
            case "integer", "number" -> NODES.stringNode("twelve");
            case "boolean" -> NODES.stringNode("maybe");
            case "array" -> NODES.objectNode().put("not", "an array");
            default -> NODES.arrayNode().add(1).add("two");
        };
    }

    private Request withField(OpenApi.Operation op, String path, String auth, ObjectNode sample, String field,
                              JsonNode value, String kind, boolean mayBeValid) {
        ObjectNode copy = sample.deepCopy();
        if (value == null) {
            copy.remove(field);
        } else {
            copy.set(field, value);
        }
        return request(op, kind + ":" + field, path, "application/json", text(copy), auth, mayBeValid);
    }

    private Request withRaw(OpenApi.Operation op, String path, String auth, ObjectNode sample, String field,
                            String rawValue, String kind, boolean mayBeValid) {
        ObjectNode copy = sample.deepCopy();
        String marker = "@@raw-" + UUID.randomUUID() + "@@";
        copy.put(field, marker);
        return request(op, kind + ":" + field, path, "application/json",
                text(copy).replace("\"" + marker + "\"", rawValue), auth, mayBeValid);
    }

    private static Request request(OpenApi.Operation op, String kind, String path, String contentType, String body,
                                   String authorization, boolean mayBeValid) {
        return new Request(kind, op.method(), path, op.key(), body == null ? null : contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), authorization, mayBeValid);
    }

    private <T> List<T> pick(List<T> from, int count) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private static String text(JsonNode node) {
        return Gateway.JSON.writeValueAsString(node).replace(LONE_SURROGATE, "\\ud800");
    }

    /** The gateway path with each path parameter filled: {@code raw} values as given (already encoded), else samples. */
    String fill(OpenApi.Operation op, Map<String, String> raw) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (OpenApi.Param param : op.params()) {
            if (param.in().equals("path")) {
                String value = raw.containsKey(param.name()) ? raw.get(param.name())
                        : URLEncoder.encode(scalar(param.schema()), StandardCharsets.UTF_8);
                path = path.replace("{" + param.name() + "}", value);
            } else if (param.required()) {
                query.append(query.isEmpty() ? "?" : "&").append(param.name()).append('=')
                        .append(URLEncoder.encode(scalar(param.schema()), StandardCharsets.UTF_8));
            }
        }
        return path + query;
    }

    private static String scalar(JsonNode schema) {
        JsonNode value = sample(schema, null, 0);
        return value.isValueNode() ? value.asString().replace(' ', '-') : "1";
    }

    private ObjectNode sampleObject(OpenApi.Operation op) {
        JsonNode value = sample(op.body(), op, 0);
        return value instanceof ObjectNode object ? object : null;
    }

    /** A plausible value of a schema: the first enum value, a UUID for a uuid, a date for a date, and so on. */
    static JsonNode sample(JsonNode schema, OpenApi.Operation op, int depth) {
        Map<String, JsonNode> schemas = op == null ? Map.of() : op.schemas();
        JsonNode resolved = OpenApi.resolve(schema, schemas, 0);
        if (resolved.has("oneOf") || resolved.has("anyOf")) {
            JsonNode first = resolved.has("oneOf") ? resolved.get("oneOf").get(0) : resolved.get("anyOf").get(0);
            return sample(first, op, depth + 1);
        }
        if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("example") && resolved.get("example").isValueNode()) {
            return resolved.get("example");
        }
        String type = OpenApi.type(resolved);
        String format = resolved.path("format").asString("");
        return switch (type) {
            case "string" -> NODES.stringNode(switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date-time" -> Instant.now().plusSeconds(3600).toString();
                case "date" -> LocalDate.now().toString();
                case "email" -> "fuzz-" + UUID.randomUUID().toString().substring(0, 6) + "@haat.test";
                case "uri", "url" -> "https://example.com/fuzz";
                case "binary", "byte" -> "ZnV6eg==";
                default -> sized(resolved);
            });
            case "integer" -> NODES.numberNode(Math.max(1, resolved.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1.5, resolved.path("minimum").asDouble(1.5)));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) {
                    array.add(sample(resolved.path("items"), op, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    ObjectNode props = OpenApi.properties(resolved, schemas, 0);
                    for (String name : props.propertyNames()) {
                        JsonNode prop = OpenApi.resolve(props.get(name), schemas, 0);
                        if (!prop.path("readOnly").asBoolean(false)) {
                            object.set(name, sample(prop, op, depth + 1));
                        }
                    }
                    if (props.isEmpty() && resolved.has("additionalProperties")) {
                        object.put("fuzz", "value");
                    }
                }
                yield object;
            }
        };
    }

    private static String sized(JsonNode schema) {
        String value = schema.has("pattern") ? "A1" : "fuzz value";
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder text = new StringBuilder(value);
        while (text.length() < min) {
            text.append('x');
        }
        return text.substring(0, Math.min(text.length(), Math.max(max, 1))).toLowerCase(Locale.ROOT);
    }
}
