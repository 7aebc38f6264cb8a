package io.haat.platform.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import io.haat.platform.web.ProblemResponseWriter;
import io.haat.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401 as {@code application/problem+json} with {@code WWW-Authenticate: Bearer} (RFC 6750), without the decoder's reason. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter writer;

    public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        // a token was sent but rejected: say so, but not why (expired, signature, issuer...), which stays in the logs
        boolean invalidToken = ex instanceof OAuth2AuthenticationException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalidToken
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
                : "Bearer");
        String detail = invalidToken ? "The access token is invalid or expired."
                : Problems.defaultDetail(HttpStatus.UNAUTHORIZED);
        writer.write(request, response, Problems.forStatus(HttpStatus.UNAUTHORIZED, detail));
    }
}
