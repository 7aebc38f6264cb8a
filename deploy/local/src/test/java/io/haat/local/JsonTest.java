package io.haat.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void quotesAndEscapes() {
        assertThat(Json.string("plain")).isEqualTo("\"plain\"");
        assertThat(Json.string("say \"hi\"\\\n\t\u0001")).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001\"");
    }

    @Test
    void readsTheFirstStringValueOfAField() {
        String body = "{\"access_token\" : \"eyJ.abc.def\",\"expires_in\":300,\"token_type\":\"Bearer\"}";
        assertThat(Json.stringField(body, "access_token")).contains("eyJ.abc.def");
        assertThat(Json.stringField("[{\"id\":\"42\",\"username\":\"a\"}]", "id")).contains("42");
        assertThat(Json.stringField("[]", "id")).isEmpty();
        assertThat(Json.stringField(body, "expires_in")).isEmpty();
    }
}
