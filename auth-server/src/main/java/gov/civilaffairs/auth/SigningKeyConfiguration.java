package gov.civilaffairs.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Signs tokens with the configured RSA key ({@code auth-server.signing-key.*}) instead of the key
 * Boot generates at startup: for any deployment where tokens must outlive a restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("auth-server.signing-key.key-id")
class SigningKeyConfiguration {

  @Bean
  JWKSource<SecurityContext> jwkSource(AuthServerProperties properties) {
    AuthServerProperties.SigningKey key = properties.signingKey();
    RSAPublicKey publicKey = read(key.publicKey(), in -> RsaKeyConverters.x509().convert(in));
    RSAPrivateKey privateKey = read(key.privateKey(), in -> RsaKeyConverters.pkcs8().convert(in));
    RSAKey rsaKey = new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(key.keyId()).build();
    return new ImmutableJWKSet<>(new JWKSet(rsaKey));
  }

  private static <T> T read(Resource pem, java.util.function.Function<InputStream, T> converter) {
    try (InputStream in = pem.getInputStream()) {
      return converter.apply(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the signing key " + pem, e);
    }
  }
}
