package gov.civilaffairs.relief.person;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

/**
 * "Is this person known and alive?", asked of registry-service's person index before a person is
 * enrolled in an allowance household (issue 5: a dead person cannot be enrolled; a person the registry
 * does not index is not accepted either). The call has the timeouts of
 * {@code spring.http.serviceclient.registry.*} and runs through the circuit breaker {@code registry}
 * ({@code resilience4j.circuitbreaker.instances.registry}); when the registry cannot answer, the answer is
 * {@link PersonStatus#UNAVAILABLE}, never an exception (ARCHITECTURE.md: a defined answer when the other
 * side is down).
 */
@Component
public class PersonIndex {

  private static final Logger log = LoggerFactory.getLogger(PersonIndex.class);

  private final RegistryApi registry;
  private final CircuitBreaker circuitBreaker;

  PersonIndex(HttpServiceProxyRegistry clients, CircuitBreakerRegistry circuitBreakers) {
    this.registry = clients.getClient("registry", RegistryApi.class);
    this.circuitBreaker = circuitBreakers.circuitBreaker("registry");
  }

  /**
   * @param nationalIdNumber a valid, normalised national ID number (18 characters)
   * @return what the registry says; {@link PersonStatus#UNAVAILABLE} when it did not answer
   * @throws HttpClientErrorException for a 4xx other than 404 (the registry refused the question, a
   *     fault of ours that must not be taken for an outage)
   */
  public PersonStatus check(String nationalIdNumber) {
    try {
      RegistryApi.IndexedPerson person = circuitBreaker.executeSupplier(() -> registry.person(nationalIdNumber));
      return "DECEASED".equals(person.status()) ? PersonStatus.DECEASED : PersonStatus.LIVING;
    } catch (HttpClientErrorException.NotFound notIndexed) {
      return PersonStatus.NOT_INDEXED;
    } catch (ResourceAccessException | HttpServerErrorException | CallNotPermittedException
        | OAuth2AuthorizationException unavailable) {
      log.warn("registry-service did not answer a person check: {}", unavailable.toString());
      return PersonStatus.UNAVAILABLE;
    }
  }

  /**
   * Checks each number, in order; once the registry is unavailable the rest are not asked (they are
   * {@link PersonStatus#UNAVAILABLE} too).
   *
   * @return the status of each number, in the order given
   */
  public Map<String, PersonStatus> check(List<String> nationalIdNumbers) {
    Map<String, PersonStatus> statuses = new LinkedHashMap<>();
    boolean down = false;
    for (String number : nationalIdNumbers) {
      PersonStatus status = down ? PersonStatus.UNAVAILABLE : check(number);
      down = status == PersonStatus.UNAVAILABLE;
      statuses.put(number, status);
    }
    return statuses;
  }
}
