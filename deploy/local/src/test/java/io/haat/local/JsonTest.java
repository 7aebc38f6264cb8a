package io.haat.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void quotesAndEscapes() {
        assertThat(Json.string("plain")).isEqualTo("\"plain\"");
        assertThat(Json.string("say \"hi\"\\\n\t\u0001")).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void parsesEveryKindOfValue() {
        Object parsed = Json.parse("""
                 { "access_token" : "eyJ.abc.def", "expires_in":300, "ratio": -1.5e2,
                   "ok": true, "no": false, "none": null, "empty": {}, "list": [ 1, "two", [], {"a": [null]} ],
                   "escaped": "q\\"b\\\\s\\/n\\nt\\tu\\u00e9" }
                """);

        assertThat(parsed).isInstanceOf(Map.class);
        Map<String, Object> map = (Map<String, Object>) parsed;
        assertThat(map.keySet()).containsExactly("access_token", "expires_in", "ratio", "ok", "no", "none", "empty", "list", "escaped");
        assertThat(map.get("access_token")).isEqualTo("eyJ.abc.def");
        assertThat(map.get("expires_in")).isEqualTo(300L);
        assertThat(map.get("ratio")).isEqualTo(-150.0);
        assertThat(map.get("ok")).isEqualTo(true);
        assertThat(map.get("no")).isEqualTo(false);
        assertThat(map.containsKey("none")).isTrue();
        assertThat(map.get("none")).isNull();
        assertThat(map.get("empty")).isEqualTo(Map.of());
        assertThat((List<Object>) map.get("list")).containsExactly(1L, "two", List.of(), Map.of("a", java.util.Collections.singletonList(null)));
        assertThat(map.get("escaped")).isEqualTo("q\"b\\s/n\nt\tu\u00e9");
        assertThat(Json.parse("[]")).isEqualTo(List.of());
        assertThat(Json.parse(" \"x\" ")).isEqualTo("x");
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String broken : List.of("", "{", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "\"open", "tru", "{a:1}", "1 2", "<html>")) {
            assertThatThrownBy(() -> Json.parse(broken)).as(broken).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not JSON: expected");
        }
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Tea \"Ilam\"");
        value.put("price", Map.of("amountMinor", 95_000L));
        value.put("tags", List.of("a", 2L, true));
        value.put("none", null);

        String json = Json.write(value);

        assertThat(json).isEqualTo("{\"name\":\"Tea \\\"Ilam\\\"\",\"price\":{\"amountMinor\":95000},\"tags\":[\"a\",2,true],\"none\":null}");
        assertThat(Json.parse(json)).isEqualTo(value);
    }
}
