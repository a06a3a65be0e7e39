package gov.civilaffairs.incomeverification.department;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * The call to registry-service carries a bearer token of this service as a machine client (issue 3:
 * the registry answers 401 without one): OAuth 2 client credentials, client registration
 * {@value #REGISTRATION} of {@code spring.security.oauth2.client.*} (client id
 * {@code income-verification}, scope {@code persons:read}, the identity provider's token endpoint).
 * The token is fetched before the first call and again when it is about to expire (Spring Security's
 * {@link OAuth2ClientHttpRequestInterceptor}); only the {@code registry} client group sends it, never
 * the other departments. In production the city's identity provider is set by configuration only:
 * {@code AUTH_TOKEN_URI}, {@code REGISTRY_CLIENT_ID}, {@code REGISTRY_CLIENT_SECRET}.
 */
@Configuration(proxyBeanMethods = false)
class RegistryTokenConfiguration {

  /** The client registration (and HTTP service group) of the registry. */
  static final String REGISTRATION = "registry";

  /**
   * Tokens are this service's, not the user's whose request led to the call: one principal for all
   * calls, also from the department-query threads that have no security context.
   */
  private static final Authentication SERVICE = new AnonymousAuthenticationToken("income-verification-service",
      "income-verification-service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

  @Bean
  RestClientHttpServiceGroupConfigurer registryClientCredentials(ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService authorizedClients) {
    OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients));
    interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
    interceptor.setPrincipalResolver(request -> SERVICE);
    ClientHttpRequestInterceptor tokenOrUnavailable = (request, body, execution) -> {
      try {
        return interceptor.intercept(request, body, execution);
      } catch (OAuth2AuthorizationException e) {
        // No token (identity provider down, or refused our credentials): the registry cannot be
        // asked, a failure of the source like a connection error (ResourceAccessException:
        // retried, counted by the circuit breaker, the source marked missing), never a 500.
        throw new IOException("No token for the registry from the identity provider: "
            + e.getError().getErrorCode(), e);
      }
    };
    return groups -> groups.filterByName(REGISTRATION)
        .forEachClient((group, builder) -> builder.requestInterceptors(list -> list.add(tokenOrUnavailable)));
  }
}
