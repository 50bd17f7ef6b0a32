package io.sluice.accounts.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.broker.SystemCredentials;
import io.sluice.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only requests that carry {@code Authorization: Bearer <sluice.core.admin-token>}
 * (RFC 6750 §2.1); answers the others 401 with an {@link ApiError} and a {@code WWW-Authenticate}
 * challenge. The token is compared in constant time.
 */
public final class AdminTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final String token;
    private final ObjectMapper json;

    public AdminTokenFilter(String token, ObjectMapper json) {
        this.token = token;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && SystemCredentials.constantTimeEquals(token, authorization.substring(BEARER.length()).strip())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sluice-admin\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        String why = authorization == null ? "no Authorization header" : "wrong admin token";
        json.writeValue(response.getOutputStream(), new ApiError("unauthorized",
                why + "; send Authorization: Bearer <sluice.core.admin-token>"));
    }
}
