package gov.civilaffairs.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import gov.civilaffairs.platform.audit.AuditActorResolver;
import gov.civilaffairs.platform.audit.AuditAutoConfiguration;
import gov.civilaffairs.platform.audit.AuditTrail;
import gov.civilaffairs.platform.masking.MaskingAutoConfiguration;
import gov.civilaffairs.platform.masking.MaskingPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes every service an OAuth 2 resource server of the bureau's identity provider:
 * <ul>
 *   <li>bearer JWTs validated against {@code platform.security.jwt.*} (signature, expiry, issuer);</li>
 *   <li>claims read into a {@link Caller} with authorities {@code ROLE_<role>} and {@code SCOPE_<scope>};</li>
 *   <li>actuator health, info and prometheus and the {@code open-paths} (OpenAPI docs) open, every
 *       other request authenticated; per-endpoint rules with {@code @PreAuthorize} (method security
 *       is enabled);</li>
 *   <li>{@code /audit-entries} only for the {@code AUDITOR} role or a machine client with scope
 *       {@code audit:read};</li>
 *   <li>the actor of audit entries from the token ({@link JwtAuditActorResolver}), and one entry for
 *       every call of a machine client ({@link ClientCallAuditFilter}) when the service has an audit trail;</li>
 *   <li>{@code @PreAuthorize} checked before the body is read and validated
 *       ({@link RoleCheckBeforeBindingInterceptor}): a caller without the role gets 403, not 400;</li>
 *   <li>401 and 403 as problem+json; stateless, no session, no CSRF (no cookies are used);</li>
 *   <li>the {@link MaskingPolicy} of {@code @Masked} values: {@link RoleMaskingPolicy}, which
 *       replaces the platform's mask-always default.</li>
 * </ul>
 * A service may declare its own {@link SecurityFilterChain} or {@link JwtDecoder}; these then back off.
 */
@AutoConfiguration(before = {MaskingAutoConfiguration.class, AuditAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
    ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
    UserDetailsServiceAutoConfiguration.class},
    // A service that is also an OAuth 2 client (client credentials to call another service) keeps
    // this resource-server chain instead of Boot's oauth2Login default chain.
    beforeName = "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

  /** The auditor's query of every service's audit trail (docs/audit.md). */
  static final String AUDIT_ENTRIES = "/audit-entries";

  /** The scope a machine client (a central audit store) needs to query {@link #AUDIT_ENTRIES}. */
  static final String AUDIT_READ = "audit:read";

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
    PlatformSecurityProperties.Jwt jwt = properties.jwt();
    if (jwt.jwkSetUri() == null) {
      // Discovery on first use, so that a service starts while the identity provider is still down.
      return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri().toString()));
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build();
    decoder.setJwtValidator(jwt.issuerUri() == null ? JwtValidators.createDefault()
        : JwtValidators.createDefaultWithIssuer(jwt.issuerUri().toString()));
    return decoder;
  }

  @Bean
  ProblemSecurityHandler problemSecurityHandler() {
    return new ProblemSecurityHandler();
  }

  @Bean
  @ConditionalOnMissingBean(MaskingPolicy.class)
  RoleMaskingPolicy roleMaskingPolicy(PlatformSecurityProperties properties) {
    return new RoleMaskingPolicy(properties.unmaskedRoles());
  }

  @Bean
  @ConditionalOnMissingBean(AuditActorResolver.class)
  JwtAuditActorResolver jwtAuditActorResolver() {
    return new JwtAuditActorResolver();
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
      ProblemSecurityHandler problems, ObjectProvider<AuditTrail> auditTrail) {
    AuditTrail trail = auditTrail.getIfAvailable();
    if (trail != null) {
      // After the bearer token is read, outside the exception translation: sees the final status.
      http.addFilterBefore(new ClientCallAuditFilter(trail), ExceptionTranslationFilter.class);
    }
    http.authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
            .requestMatchers(properties.openPaths().toArray(String[]::new)).permitAll()
            .requestMatchers(AUDIT_ENTRIES).hasAnyAuthority(Role.AUDITOR.authority(), "SCOPE_" + AUDIT_READ)
            .anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter()))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  @Bean
  WebMvcConfigurer callerArgumentResolverConfigurer(ObjectProvider<AuditTrail> auditTrail) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }

      /** The role check before the body is read: 403, not 400, for a caller without the role. */
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RoleCheckBeforeBindingInterceptor(auditTrail));
      }
    };
  }
}
