package gov.civilaffairs.platform.web;

import io.micrometer.tracing.Tracer;

import gov.civilaffairs.platform.tracing.CorrelationIdFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Servlet-side wiring every service shares: problem+json for every error (controller advice and the
 * {@code /error} page) and the correlation-id response header. Runs before Boot's MVC and error
 * auto-configuration so that Boot's own handlers back off.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

  @Bean
  ProblemExceptionHandler problemExceptionHandler() {
    return new ProblemExceptionHandler();
  }

  @Bean
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  /**
   * Every operation's errors documented as problem+json ({@link ProblemResponsesOpenApiCustomizer}), and: every
   * operation of the service's OpenAPI document needs an OAuth 2 bearer token (a JWT, docs/security.md):
   * declared once as the security scheme {@code bearer-jwt} and required globally, so that Swagger UI shows its
   * Authorize button and "Try it out" sends the token (through the gateway too).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
  static class OpenApiSecurityConfiguration {

    @Bean
    ProblemResponsesOpenApiCustomizer problemResponsesOpenApiCustomizer() {
      return new ProblemResponsesOpenApiCustomizer();
    }

    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer bearerTokenOpenApiCustomizer() {
      return openApi -> {
        if (openApi.getComponents() == null) {
          openApi.setComponents(new io.swagger.v3.oas.models.Components());
        }
        openApi.getComponents().addSecuritySchemes("bearer-jwt", new io.swagger.v3.oas.models.security.SecurityScheme()
            .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
            .description("An access token of the auth-server or the city's identity provider (docs/security.md): "
                + "staff by the password grant in the local system, machine clients by client credentials."));
        openApi.setSecurity(java.util.List.of(new io.swagger.v3.oas.models.security.SecurityRequirement()
            .addList("bearer-jwt")));
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Tracer.class)
  static class CorrelationConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(ObjectProvider<Tracer> tracer) {
      FilterRegistrationBean<CorrelationIdFilter> registration =
          new FilterRegistrationBean<>(new CorrelationIdFilter(tracer));
      // After Boot's observation filter (HIGHEST_PRECEDENCE + 1), which opens the request's span.
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }
}
