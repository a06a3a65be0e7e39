package gov.civilaffairs.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The bureau's local and demo authorization server (port 9000): RS256 JWTs of the claims contract
 * (docs/security.md) for machine clients (client credentials) and demo staff (password grant), with
 * its JWK set at {@code /oauth2/jwks} and OIDC discovery at {@code /.well-known/openid-configuration}.
 * In production the services trust the city's identity provider instead, by configuration only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(AuthServerApplication.class, args);
  }
}
