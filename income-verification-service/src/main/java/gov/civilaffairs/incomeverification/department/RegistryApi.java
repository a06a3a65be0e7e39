package gov.civilaffairs.incomeverification.department;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * registry-service's person search ({@code GET /persons?nationalIdNumber=},
 * contracts/departments/registry.yaml): whether the registry holds a confirmed death of a household
 * member.
 */
interface RegistryApi {

  /**
   * @param nationalIdNumber 18 characters, GB 11643-1999
   * @return the indexed person with that number
   * @throws org.springframework.web.client.HttpClientErrorException.NotFound when the registry does not
   *     index the number (404 problem+json)
   */
  @GetExchange("/persons")
  Person person(@RequestParam String nationalIdNumber);

  /**
   * The part of the registry's answer this service reads; other members are ignored.
   *
   * @param status {@code LIVING}, or {@code DECEASED} once the registry holds a confirmed death
   */
  record Person(String status) {

    /** Whether the registry holds a confirmed death of this person. */
    boolean deceased() {
      return "DECEASED".equals(status);
    }
  }
}
