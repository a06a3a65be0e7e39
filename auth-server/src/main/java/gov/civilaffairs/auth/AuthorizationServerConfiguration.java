package gov.civilaffairs.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server with the bureau's additions: the password grant for demo staff and the
 * claims contract in every access token. Registered clients, issuer and token lifetimes come from
 * Boot's {@code spring.security.oauth2.authorizationserver.*} properties (application.yml), the signing
 * key from Boot's JWK source (an RSA key generated at startup unless a {@code JWKSource} bean is given).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  /** The protocol endpoints: token, JWK set, OIDC discovery, introspection, revocation. */
  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerFilterChain(HttpSecurity http,
      DelegatingOAuth2TokenGenerator tokenGenerator, AuthenticationManager staffAuthentication) {
    http.oauth2AuthorizationServer(server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.tokenGenerator(tokenGenerator)
              .tokenEndpoint(token -> token
                  .accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
                  .authenticationProvider(new PasswordGrantAuthenticationProvider(staffAuthentication, tokenGenerator)))
              .oidc(Customizer.withDefaults());
        })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /** Everything else: health and info for probes; no login page, nothing more. */
  @Bean
  @Order(2)
  SecurityFilterChain defaultFilterChain(HttpSecurity http) {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
            .anyRequest().denyAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /** JWT access tokens (RS256, key of the JWK source) shaped by {@link ClaimsContractCustomizer}. */
  @Bean
  DelegatingOAuth2TokenGenerator tokenGenerator(JWKSource<SecurityContext> jwkSource, AuthServerProperties properties) {
    JwtGenerator jwtGenerator = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
    jwtGenerator.setJwtCustomizer(new ClaimsContractCustomizer(properties));
    return new DelegatingOAuth2TokenGenerator(jwtGenerator);
  }

  /** Hashes in Spring Security's {@code {id}hash} format, for client secrets and staff passwords. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Checks the user name and password of the password grant against {@code auth-server.staff}. */
  @Bean
  AuthenticationManager staffAuthentication(AuthServerProperties properties, PasswordEncoder passwordEncoder) {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    properties.staff().forEach((username, member) -> users.createUser(User.withUsername(username)
        .password(member.password()).authorities(member.roles().stream().map(role -> "ROLE_" + role)
            .toArray(String[]::new)).build()));
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwordEncoder);
    return new ProviderManager(provider);
  }
}
