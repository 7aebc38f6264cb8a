package io.haat.platform.idempotency;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@link Idempotent} endpoints, for servlet services with a JDBC {@link DataSource}. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "haat.idempotency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public IdempotencyKeyStore idempotencyKeyStore(DataSource dataSource) {
        return new IdempotencyKeyStore(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    public IdempotencyKeyPurger idempotencyKeyPurger(IdempotencyKeyStore store, IdempotencyProperties properties) {
        return new IdempotencyKeyPurger(store, properties.purgeInterval());
    }

    @Bean
    public IdempotencyFilter idempotencyFilter() {
        return new IdempotencyFilter();
    }

    @Bean
    public IdempotencyInterceptor idempotencyInterceptor(IdempotencyKeyStore store, IdempotencyProperties properties) {
        return new IdempotencyInterceptor(store, properties);
    }

    @Bean
    public WebMvcConfigurer idempotencyWebMvcConfigurer(IdempotencyInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }
}
