package gov.civilaffairs.incomeverification.department;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * registry-service's person lookup ({@code GET /persons?nationalIdNumber=}, contracts/departments/registry.yaml):
 * whether a household member is known and whether the registry holds a confirmed death.
 */
interface RegistryApi {

  /** @return the persons with that number: none or one */
  @GetExchange("/persons")
  List<Person> persons(@RequestParam String nationalIdNumber);

  /**
   * @param nationalIdNumber 18 characters
   * @param dateOfDeath the confirmed date of death, or {@code null} while the person is alive
   */
  record Person(String nationalIdNumber, LocalDate dateOfDeath) {
  }
}
