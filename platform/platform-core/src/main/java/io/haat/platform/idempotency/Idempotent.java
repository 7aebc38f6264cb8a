package io.haat.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an unsafe controller method whose effect must happen once per {@code Idempotency-Key} header
 * (per authenticated subject): a retry with the same key and body gets the first response again
 * (with {@code Idempotent-Replayed: true}); the same key with another body gets 422. Needs JDBC
 * (table {@code idempotency_key}, migration {@code classpath:db/platform}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

    /** Whether a request without the header is refused (400) rather than processed without protection. */
    boolean required() default false;
}
