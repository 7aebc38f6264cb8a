package io.haat.platform.feign;

import java.util.function.Function;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;

/**
 * Without a fallback, Spring Cloud's circuit breaker wraps every failure of a Feign call in
 * {@link NoFallbackAvailableException}. This decorates the {@link CircuitBreakerFactory} so that unchecked
 * failures surface as they are: callers catch {@link RemoteNotFoundException}, an open circuit's
 * {@code CallNotPermittedException}, etc. Calls with a fallback are unchanged.
 */
public class CircuitBreakerExceptionUnwrapping implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof CircuitBreakerFactory<?, ?>)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true); // keep the concrete type for Customizer<Resilience4JCircuitBreakerFactory>
        proxy.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            return "create".equals(invocation.getMethod().getName()) && result instanceof CircuitBreaker breaker
                    ? new Unwrapping(breaker) : result;
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    record Unwrapping(CircuitBreaker delegate) implements CircuitBreaker {

        @Override
        public <T> T run(Supplier<T> toRun, Function<Throwable, T> fallback) {
            return delegate.run(toRun, fallback);
        }

        @Override
        public <T> T run(Supplier<T> toRun) {
            return delegate.run(toRun, Unwrapping::rethrow);
        }

        private static <T> T rethrow(Throwable failure) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new NoFallbackAvailableException("No fallback available.", failure);
        }
    }
}
