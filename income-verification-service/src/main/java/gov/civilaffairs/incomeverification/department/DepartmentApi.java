package gov.civilaffairs.incomeverification.department;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The query every other department answers (contracts/departments/*.yaml, operation
 * {@code queryHouseholdMembers}): the members' national ID numbers in, the incomes or assets the
 * department holds about them out. One client of this interface is made per department (an HTTP
 * service group named after {@link Source#id()}, with its own base URL and timeouts).
 */
interface DepartmentApi {

  /**
   * @throws org.springframework.web.client.HttpClientErrorException 4xx: the department refused the
   *     query (bad ID number, consent not accepted...)
   * @throws org.springframework.web.client.HttpServerErrorException 5xx
   * @throws org.springframework.web.client.ResourceAccessException timeout or connection error
   */
  @PostExchange("/household-member-queries")
  Answer query(@RequestBody Query query);

  /** @param nationalIdNumbers the household members, 1 to 20 */
  record Query(List<String> nationalIdNumbers) {
  }

  /** @param records what the department holds; none is a valid answer */
  record Answer(List<Record> records) {
  }

  /**
   * @param nationalIdNumber the member
   * @param category one of the department's categories (see its contract)
   * @param amount yuan, scale 2: monthly for income, value or balance for assets
   */
  record Record(String nationalIdNumber, Finding.Category category, BigDecimal amount) {
  }
}
