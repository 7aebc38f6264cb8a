package io.haat.order.cart;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The cart is open to guests, so {@code RolePaths} (which would refuse them) cannot guard it: a signed-in caller
 * must be a CUSTOMER. Checked as an interceptor, i.e. before the body is read or validated (a seller gets 403
 * whatever they send).
 */
@Component
public class CartAccess implements HandlerInterceptor {

    private final CurrentUser currentUser;

    public CartAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (currentUser.isAuthenticated() && !currentUser.hasRole("CUSTOMER")) {
            throw new ForbiddenException("The cart is for customers.");
        }
        return true;
    }
}
