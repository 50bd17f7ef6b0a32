package io.sluice.accounts.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.CoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Puts the admin token check in front of everything under {@code /api/admin/}. */
@Configuration(proxyBeanMethods = false)
@Profile("core")
public class AdminApiConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiConfiguration.class);

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(CoreProperties core, ObjectMapper json) {
        if (CoreProperties.DEMO_ADMIN_TOKEN.equals(core.adminToken())) {
            LOG.warn("The admin API accepts the demo's token; set sluice.core.admin-token in a real deployment");
        }
        FilterRegistrationBean<AdminTokenFilter> registration =
                new FilterRegistrationBean<>(new AdminTokenFilter(core.adminToken(), json));
        registration.addUrlPatterns("/api/admin/*");
        return registration;
    }
}
