package io.sluice.management;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.sluice.credentials.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login in front of Hawtio, Jolokia and the operators' REST views of rings, link and standby (ADR 0017,
 * 0028), on every role with an HTTP port. Only these paths are Spring Security's: the web page, the other
 * REST APIs (with their own checks) and the actuator's health and Prometheus endpoints (probes and
 * scrapers) are untouched. A browser gets Spring Security's login page; a script sends HTTP Basic
 * credentials with each request. What a login may do once in is its {@link ManagementRole}, checked by
 * {@link RoleRestrictor} on every Jolokia request; the REST views only read, so either role sees them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManagementProperties.class)
public class ManagementSecurity {

    /** Hawtio, Jolokia, and Spring Security's login page (with its style sheet) and logout. */
    static final List<String> CONSOLE_PATHS =
            List.of("/actuator/hawtio/**", "/actuator/jolokia/**", "/login", "/logout", "/default-ui.css");
    /**
     * The operators' REST views (ADR 0028). They show who is being texted ({@code /api/rings?slots=true}
     * lists recipients' numbers), and the core's port also serves the public chat page, so they are not
     * anybody's: a management login reads them. Scripts read them, so they answer 401, not a login page.
     */
    static final List<String> OPERATOR_VIEWS = List.of("/api/rings", "/api/link", "/api/standby");
    static final String REALM = "Sluice management";
    /** A password that Spring Security reads as already encoded: {@code {bcrypt}…}, {@code {argon2}…}. */
    private static final Pattern ENCODED = Pattern.compile("^\\{(bcrypt|pbkdf2|scrypt|argon2|sha256)[^}]*}.+");

    @Bean
    LoginThrottle loginThrottle() {
        return LoginThrottle.byLoginAndAddress(Clock.systemUTC());
    }

    /** Tells the throttle how each management login went (Spring Security's authentication events). */
    @Bean
    ApplicationListener<AbstractAuthenticationEvent> loginOutcomes(LoginThrottle throttle) {
        return event -> {
            if (!(event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web)) {
                return; // not an HTTP login
            }
            if (event instanceof AbstractAuthenticationFailureEvent) {
                throttle.failed(event.getAuthentication().getName(), web.getRemoteAddress());
            } else if (event instanceof AuthenticationSuccessEvent) {
                throttle.succeeded(event.getAuthentication().getName(), web.getRemoteAddress());
            }
        };
    }

    @Bean
    UserDetailsService managementLogins(ManagementProperties management) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        InMemoryUserDetailsManager logins = new InMemoryUserDetailsManager();
        management.users().forEach((name, login) -> logins.createUser(User.withUsername(name)
                .password(isEncoded(login.password()) ? login.password() : encoder.encode(login.password()))
                .authorities(login.role().authority())
                .build()));
        return logins;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static List<RequestMatcher> paths(List<String> patterns) {
        return patterns.stream().map(ManagementSecurity::path).toList();
    }

    /** Whether a configured password is a hash Spring Security recognises rather than the password itself. */
    public static boolean isEncoded(String password) {
        return ENCODED.matcher(password).matches();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Console {

        @Bean
        SecurityFilterChain managementConsole(HttpSecurity http, LoginThrottle throttle) throws Exception {
            BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
            basic.setRealmName(REALM);
            // Paths of the whole application: Jolokia is a servlet of its own, which Spring MVC's matchers miss.
            List<RequestMatcher> guarded = new ArrayList<>(paths(CONSOLE_PATHS));
            guarded.addAll(paths(OPERATOR_VIEWS));
            http.securityMatcher(new OrRequestMatcher(guarded))
                    .authorizeHttpRequests(requests -> requests.anyRequest()
                            .hasAnyRole(ManagementRole.OPERATOR.name(), ManagementRole.ADMIN.name()))
                    .formLogin(form -> form.permitAll())
                    .httpBasic(httpBasic -> httpBasic.realmName(REALM))
                    .logout(Customizer.withDefaults())
                    // Scripts on Jolokia and the REST views get 401 with a Basic challenge, browsers the login page.
                    .exceptionHandling(denied -> denied
                            .defaultAuthenticationEntryPointFor(basic, path("/actuator/jolokia/**"))
                            .defaultAuthenticationEntryPointFor(basic, new OrRequestMatcher(paths(OPERATOR_VIEWS)))
                            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                    AnyRequestMatcher.INSTANCE))
                    // Hawtio's page sends the XSRF-TOKEN cookie's value back in X-XSRF-TOKEN with each POST. A
                    // request without an Origin header comes from no web page (browsers send one with every
                    // POST), so no other site can have made it: scripts need no token.
                    .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                            .ignoringRequestMatchers(scriptClient()))
                    .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                    .addFilterBefore(new ThrottledLogins(throttle), UsernamePasswordAuthenticationFilter.class);
            return http.build();
        }

        private static RequestMatcher scriptClient() {
            return request -> request.getHeader("Origin") == null;
        }
    }

    /** Makes Spring Security set the CSRF cookie on every console response (it is deferred otherwise). */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
