package io.haat.local;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the launcher writes and reads, without a JSON library (the launcher runs on the JDK alone):
 * {@link #parse} reads a document into {@code Map} (objects, in order), {@code List}, {@code String}, {@code Long}
 * or {@code Double}, {@code Boolean} and {@code null}; {@link #write} turns such values back into JSON.
 */
final class Json {

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** {@code value} as a JSON string literal. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A {@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or {@code null} as JSON. */
    static String write(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> string(s);
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{");
                for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<?, ?> entry = it.next();
                    out.append(string(String.valueOf(entry.getKey()))).append(':').append(write(entry.getValue()));
                    out.append(it.hasNext() ? "," : "");
                }
                yield out.append('}').toString();
            }
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(write(list.get(i)));
                }
                yield out.append(']').toString();
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        };
    }

    /** Parses a whole JSON document; {@link IllegalArgumentException} (with the offset) when it is not JSON. */
    static Object parse(String json) {
        Json parser = new Json(json);
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos != json.length()) {
            throw parser.error("end of input");
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        if (peek() == '}') {
            pos++;
            return map;
        }
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a field name");
            }
            String key = string();
            expect(':');
            map.put(key, value());
        } while (separator('}'));
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        if (peek() == ']') {
            pos++;
            return list;
        }
        do {
            list.add(value());
        } while (separator(']'));
        return list;
    }

    /** After an element: true on ',', false on {@code close}. */
    private boolean separator(char close) {
        char c = peek();
        pos++;
        if (c == ',' || c == close) {
            return c == ',';
        }
        pos--;
        throw error("',' or '" + close + "'");
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("four hex digits");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(escaped); // '"', '\\', '/'
            }
        }
        throw error("a closing '\"'");
    }

    private Number number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            return literal.matches("-?\\d+") ? (Number) Long.valueOf(literal) : (Number) Double.valueOf(literal);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a value");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error(word);
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private char peek() {
        skipWhitespace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("not JSON: expected " + expected + " at offset " + pos);
    }
}
