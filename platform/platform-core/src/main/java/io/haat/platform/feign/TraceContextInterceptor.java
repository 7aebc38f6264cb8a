package io.haat.platform.feign;

import org.springframework.beans.factory.ObjectProvider;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Puts the current trace context on Feign calls (W3C {@code traceparent}, as configured for the
 * {@link Propagator}), so the callee's spans join the caller's trace. Feign's own Micrometer module is
 * not used, so this is what links the services' traces. Does nothing when tracing is off.
 */
public class TraceContextInterceptor implements RequestInterceptor {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContextInterceptor(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public void apply(RequestTemplate template) {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        if (currentTracer == null || currentPropagator == null) {
            return;
        }
        TraceContext context = currentTracer.currentTraceContext().context();
        if (context != null) {
            currentPropagator.inject(context, template, (carrier, name, value) -> {
                carrier.removeHeader(name);
                carrier.header(name, value);
            });
        }
    }
}
