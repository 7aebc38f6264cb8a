package io.haat.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.haat.platform.web.testapp.ProblemsTestController;

/**
 * A service's {@code @WebMvcTest} slice gets the problem handler and request ids too. Boot 4 puts the
 * OAuth2 auto-configurations in the slice but not web security itself (that comes with its security test
 * modules), so a slice without those modules excludes them, as here.
 */
@WebMvcTest(controllers = ProblemsTestController.class, excludeAutoConfiguration = {
        OAuth2ResourceServerAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class})
class ProblemDetailsWebMvcSliceTest {

    @SpringBootConfiguration
    @Import(ProblemsTestController.class)
    static class SliceApplication {
    }

    @Autowired
    private MockMvc mvc;

    @Test
    void wrongPathVariableTypeIsAValidationProblem() throws Exception {
        mvc.perform(get("/test/problems/items/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://haat.io/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void invalidBodyListsTheFieldErrors() throws Exception {
        mvc.perform(post("/test/problems/items").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://haat.io/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "quantity")));
    }
}
