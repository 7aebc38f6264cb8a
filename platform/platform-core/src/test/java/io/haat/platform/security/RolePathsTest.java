package io.haat.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;

class RolePathsTest {

    @Test
    void rulesKeepTheirOrderAndMatchMethodAndPath() {
        RolePaths paths = RolePaths.of()
                .require("/admin/**", "ADMIN")
                .require(HttpMethod.POST, "/stores/*/products", "SELLER", "ADMIN");

        assertThat(paths.rules()).extracting(RolePaths.Rule::pattern).containsExactly("/admin/**", "/stores/*/products");
        assertThat(paths.rules().get(1).roles()).isEqualTo(Set.of("SELLER", "ADMIN"));
        var post = paths.rules().get(1).toMatcher();
        assertThat(post.matches(new MockHttpServletRequest("POST", "/stores/s1/products"))).isTrue();
        assertThat(post.matches(new MockHttpServletRequest("GET", "/stores/s1/products"))).isFalse();
        assertThat(paths.rules().get(0).toMatcher().matches(new MockHttpServletRequest("DELETE", "/admin/users/1")))
                .isTrue();
    }

    @Test
    void malformedRulesFailAtStartUp() {
        assertThatThrownBy(() -> RolePaths.of().require("admin/**", "ADMIN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RolePaths.of().require("/admin/**")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RolePaths.of().require("/admin/**", "ROLE_ADMIN"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
