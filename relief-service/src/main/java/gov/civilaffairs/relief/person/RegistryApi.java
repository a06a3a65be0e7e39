package gov.civilaffairs.relief.person;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * registry-service's person index ({@code GET /persons?nationalIdNumber=}, contracts/departments/registry.yaml),
 * called with this service's client-credentials token (scope {@code persons:read}).
 */
interface RegistryApi {

  /**
   * @param nationalIdNumber 18 characters, GB 11643-1999
   * @return the indexed person with that number
   * @throws org.springframework.web.client.HttpClientErrorException.NotFound when the registry does not
   *     index the number (404 problem+json)
   */
  @GetExchange("/persons")
  IndexedPerson person(@RequestParam String nationalIdNumber);

  /**
   * The part of the registry's answer read here (tolerant reader; other members are ignored).
   *
   * @param status {@code LIVING}, or {@code DECEASED} once the registry holds a confirmed death
   */
  record IndexedPerson(String status) {
  }
}
