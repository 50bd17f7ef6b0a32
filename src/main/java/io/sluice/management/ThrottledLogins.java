package io.sluice.management;

import java.io.IOException;
import java.time.Duration;

import io.sluice.credentials.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (HTTP Basic, or the login page's form) while the throttle refuses its login from
 * its address: 429 with {@code Retry-After}, before the password is even checked (ADR 0030).
 */
final class ThrottledLogins extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    /** Reads an Authorization: Basic header as Spring Security's Basic filter does. */
    private final BasicAuthenticationConverter basicCredentials = new BasicAuthenticationConverter();

    ThrottledLogins(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String login = attemptedLogin(request);
        if (login != null) {
            Duration refused = throttle.refusedFor(login, request.getRemoteAddr());
            if (!refused.isZero()) {
                long seconds = refused.toSeconds() + 1; // whole seconds, rounded up
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Too many failed logins; try again in " + seconds + " s.\n");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The login a request tries, or null if it tries none. */
    private String attemptedLogin(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken basic = basicCredentials.convert(request);
            if (basic != null) {
                return basic.getName();
            }
        } catch (AuthenticationException undecodable) {
            return null; // Spring Security's Basic filter refuses it as it stands
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        return null;
    }
}
