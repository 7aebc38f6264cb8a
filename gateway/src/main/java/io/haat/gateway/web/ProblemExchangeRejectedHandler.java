package io.haat.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests Spring Security's firewall refuses before any route sees them (an encoded {@code ..}, {@code /}, {@code %}
 * or {@code ;} in the path, a backslash, a control character, a method such as TRACE) are answered with a 400 problem,
 * not the firewall's default empty body. The firewall's own message, which quotes the request, is not echoed back.
 */
@Component
public class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    static final String DETAIL = "The request was refused: its path or method is not allowed here"
            + " (encoded '.', '/', '%' or ';', a backslash or control character in the path, or an unusual method).";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad Request", DETAIL);
    }
}
