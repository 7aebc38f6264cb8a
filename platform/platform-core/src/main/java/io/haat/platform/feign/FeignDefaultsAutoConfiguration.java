package io.haat.platform.feign;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import feign.Feign;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Defaults for every Feign client of a service (the service still declares {@code @EnableFeignClients}):
 * typed errors from problem+json, retries of GET/HEAD only, token relay or client-credentials token,
 * trace context and request id propagation, and circuit-breaker settings. Timeouts and the circuit
 * breaker switch are properties ({@code META-INF/haat/feign-defaults.properties}).
 */
@AutoConfiguration(after = OAuth2ClientAutoConfiguration.class)
@ConditionalOnClass(Feign.class)
@EnableConfigurationProperties(HaatFeignProperties.class)
public class FeignDefaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ErrorDecoder.class)
    public ProblemErrorDecoder haatFeignErrorDecoder(ObjectProvider<JsonMapper> jsonMapper,
                                                     ObjectProvider<Clock> clock) {
        return new ProblemErrorDecoder(jsonMapper.getIfAvailable(JsonMapper::shared),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(Retryer.class)
    public IdempotentMethodRetryer haatFeignRetryer(HaatFeignProperties properties, ObjectProvider<Clock> clock) {
        HaatFeignProperties.Retry retry = properties.retry();
        return new IdempotentMethodRetryer(retry.maxAttempts(), retry.period().toMillis(), retry.maxPeriod().toMillis(),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    public ServiceTokens haatServiceTokens(ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<OAuth2AuthorizedClientService> clientService) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        OAuth2AuthorizedClientService service = clientService.getIfAvailable();
        if (repository == null || service == null) {
            return new ServiceTokens(null, null);
        }
        // not tied to an HTTP request: works on Kafka listener and scheduler threads too
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository, service);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return new ServiceTokens(manager, repository);
    }

    @Bean
    @ConditionalOnMissingBean
    public BearerTokenRelayInterceptor haatBearerTokenRelayInterceptor(ServiceTokens serviceTokens) {
        return new BearerTokenRelayInterceptor(serviceTokens);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass({Tracer.class, Propagator.class})
    public TraceContextInterceptor haatTraceContextInterceptor(ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new TraceContextInterceptor(tracer, propagator);
    }

    @Bean
    @ConditionalOnMissingBean
    public RequestIdForwardingInterceptor haatRequestIdForwardingInterceptor() {
        return new RequestIdForwardingInterceptor();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Resilience4JCircuitBreakerFactory.class)
    static class CircuitBreakerDefaults {

        @Bean
        static CircuitBreakerExceptionUnwrapping haatCircuitBreakerExceptionUnwrapping() {
            return new CircuitBreakerExceptionUnwrapping();
        }

        /** Opens after half of at least 10 of the last 20 calls failed; a downstream 4xx is not a failure. */
        @Bean
        @ConditionalOnMissingBean(name = "haatCircuitBreakerDefaults")
        Customizer<Resilience4JCircuitBreakerFactory> haatCircuitBreakerDefaults() {
            CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(20)
                    .minimumNumberOfCalls(10)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofSeconds(10))
                    .permittedNumberOfCallsInHalfOpenState(3)
                    .automaticTransitionFromOpenToHalfOpenEnabled(true)
                    .ignoreExceptions(RemoteNotFoundException.class, RemoteConflictException.class,
                            RemoteUnprocessableException.class, RemoteClientErrorException.class)
                    .build();
            // only used if a service turns the time limiter back on; Feign's read timeout bounds each call
            TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(10)).build();
            return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(circuitBreaker)
                    .timeLimiterConfig(timeLimiter)
                    .build());
        }
    }
}
