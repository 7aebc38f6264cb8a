package io.haat.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import io.haat.platform.web.ProblemResponseWriter;
import tools.jackson.databind.json.JsonMapper;

/** The filter-level 401/403 writers and the public-path syntax, without a server. */
class ProblemSecurityHandlersTest {

    private final ProblemResponseWriter writer = new ProblemResponseWriter(JsonMapper.shared());

    @Test
    void accessDeniedIsA403ProblemWithTheBearerInsufficientScopeChallenge() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/stores/42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ProblemAccessDeniedHandler(writer).handle(request, response, new AccessDeniedException("Access Denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\"");
        Map<String, Object> problem = JsonMapper.shared().readerForMapOf(Object.class).readValue(response.getContentAsByteArray());
        assertThat(problem).containsEntry("type", "https://haat.io/problems/forbidden")
                .containsEntry("status", 403)
                .containsEntry("instance", "/stores/42")
                .containsKeys("title", "detail");
        assertThat(response.getContentAsString()).doesNotContain("Access Denied");
    }

    @Test
    void missingAuthenticationIsA401ProblemWithAPlainBearerChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ProblemAuthenticationEntryPoint(writer).commence(new MockHttpServletRequest("GET", "/orders"), response,
                new InsufficientAuthenticationException("Full authentication is required"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentAsString()).contains("https://haat.io/problems/unauthorized")
                .doesNotContain("Full authentication");
    }

    @Test
    void publicPathsAcceptAnOptionalMethodAndRejectMalformedEntries() {
        PublicPaths paths = PublicPaths.of("POST /auth/login", "/products/**");

        assertThat(paths.toMatchers().get(0).matches(new MockHttpServletRequest("POST", "/auth/login"))).isTrue();
        assertThat(paths.toMatchers().get(0).matches(new MockHttpServletRequest("GET", "/auth/login"))).isFalse();
        assertThat(paths.toMatchers().get(1).matches(new MockHttpServletRequest("DELETE", "/products/1/images"))).isTrue();
        assertThatThrownBy(() -> PublicPaths.of("GET products")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicPaths.of("FETCH /x")).isInstanceOf(IllegalArgumentException.class);
    }
}
