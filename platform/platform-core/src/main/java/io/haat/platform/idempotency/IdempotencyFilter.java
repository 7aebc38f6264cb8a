package io.haat.platform.idempotency;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For unsafe requests carrying an {@code Idempotency-Key}: buffers the request body (to hash it) and the
 * response (to store it) around the dispatch; {@link IdempotencyInterceptor} does the rest.
 */
public class IdempotencyFilter extends OncePerRequestFilter implements Ordered {

    public static final String HEADER = "Idempotency-Key";
    // after Spring Security (-100), so the subject is known; before the DispatcherServlet
    public static final int ORDER = 0;

    private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !UNSAFE_METHODS.contains(request.getMethod())
                || isFormOrMultipart(request.getContentType());
    }

    // the container parses these from the raw stream itself (getParts/getParameter): do not drain it
    private static boolean isFormOrMultipart(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper cachingResponse = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request), cachingResponse);
        } finally {
            cachingResponse.copyBodyToResponse();
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
