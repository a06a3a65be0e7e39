package gov.civilaffairs.relief.person;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The declarative HTTP clients of the services relief calls: group {@code registry} (person index) here,
 * group {@code income-verification} in the application package. Base URLs and timeouts come from
 * {@code spring.http.serviceclient.<group>.*}. Every call carries a bearer token that this service gets
 * for itself with the OAuth 2 client-credentials grant (client registration {@value #CLIENT_REGISTRATION}
 * under {@code spring.security.oauth2.client.*}), cached until it expires, whatever user's request
 * caused the call: the other service sees relief-service, a machine client, as the caller.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "registry", types = RegistryApi.class)
class ServiceClientsConfiguration {

  /** The client registration whose token every outgoing call carries. */
  static final String CLIENT_REGISTRATION = "relief-service";

  /** The principal the tokens are cached under: this service, not the user of the request. */
  private static final Authentication SERVICE = new AnonymousAuthenticationToken(CLIENT_REGISTRATION,
      CLIENT_REGISTRATION, AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

  /**
   * Client-credentials tokens outside any web request (Kafka listeners and scheduled retries call too). The
   * token endpoint is called with timeouts ({@code relief.token-endpoint.connect-timeout}, default 1 s, and
   * {@code read-timeout}, default 3 s): a slow authorization server makes the call fail fast (the caller then
   * answers as when the other service is down) instead of holding a thread.
   */
  @Bean
  OAuth2AuthorizedClientManager serviceAuthorizedClientManager(ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService authorizedClients,
      @Value("${relief.token-endpoint.connect-timeout:1s}") Duration connectTimeout,
      @Value("${relief.token-endpoint.read-timeout:3s}") Duration readTimeout) {
    // As the default client of Spring Security, with timeouts of ours.
    RestClient tokenEndpoint = RestClient.builder()
        .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
            .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
            .build(HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout)))
        .configureMessageConverters(converters -> converters.disableDefaults()
            .addCustomConverter(new FormHttpMessageConverter())
            .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
        .build();
    RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();
    tokens.setRestClient(tokenEndpoint);
    AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .clientCredentials(clientCredentials -> clientCredentials.accessTokenResponseClient(tokens)).build());
    return manager;
  }

  /** Adds the token interceptor to every HTTP service group of this service. */
  @Bean
  RestClientHttpServiceGroupConfigurer serviceClientTokens(OAuth2AuthorizedClientManager serviceAuthorizedClientManager,
      OAuth2AuthorizedClientService authorizedClients) {
    OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(serviceAuthorizedClientManager);
    tokens.setClientRegistrationIdResolver(request -> CLIENT_REGISTRATION);
    tokens.setPrincipalResolver(request -> SERVICE);
    // A 401 or 403 from the other service drops the cached token, so that the next call gets a new one.
    tokens.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
    return groups -> groups.forEachClient(
        (HttpServiceGroupConfigurer.ClientCallback<org.springframework.web.client.RestClient.Builder>)
            (group, builder) -> builder.requestInterceptor(tokens));
  }

  /**
   * The JDK client of every group, held to HTTP/1.1: its default (HTTP/2 with an h2c upgrade over plain
   * HTTP) is reset by some servers mid-stream (as in income-verification-service).
   */
  @Bean
  ClientHttpRequestFactoryBuilder<?> serviceHttpClients() {
    return ClientHttpRequestFactoryBuilder.jdk()
        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
  }
}
