package io.haat.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/** Problem-details error handling for servlet services: the MVC advice and the {@code /error} fallback. */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

    // Boot's own ProblemDetailsExceptionHandler backs off when this one exists
    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    public ProblemDetailsHandler haatProblemDetailsHandler() {
        return new ProblemDetailsHandler();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemErrorController haatProblemErrorController(ErrorAttributes errorAttributes) {
        return new ProblemErrorController(errorAttributes);
    }

    /** JSON bodies are small ({@link RequestBodyLimitFilter}); uploads keep the multipart limits. */
    @Bean
    @ConditionalOnMissingBean(name = "haatRequestBodyLimitFilter")
    public FilterRegistrationBean<RequestBodyLimitFilter> haatRequestBodyLimitFilter(Environment environment,
                                                                                   ProblemResponseWriter problems) {
        DataSize limit = environment.getProperty(RequestBodyLimitFilter.PROPERTY, DataSize.class,
                DataSize.ofKilobytes(256));
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit, problems));
        // first thing after the request is wrapped for observation: nothing has read the body yet
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemResponseWriter haatProblemResponseWriter(ObjectProvider<JsonMapper> jsonMapper) {
        return new ProblemResponseWriter(jsonMapper.getIfAvailable(JsonMapper::shared));
    }
}
