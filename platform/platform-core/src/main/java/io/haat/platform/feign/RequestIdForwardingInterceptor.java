package io.haat.platform.feign;

import org.slf4j.MDC;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.haat.platform.observability.RequestIdFilter;

/** Passes the current request id ({@code X-Request-Id}) on to the services this one calls. */
public class RequestIdForwardingInterceptor implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null && !template.headers().containsKey(RequestIdFilter.HEADER)) {
            template.header(RequestIdFilter.HEADER, requestId);
        }
    }
}
