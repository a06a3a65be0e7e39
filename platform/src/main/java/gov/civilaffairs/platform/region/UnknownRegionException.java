package gov.civilaffairs.platform.region;

import java.util.Collection;

import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A region code that names no loaded administrative division: malformed, retired, or in a province
 * the service does not load ({@code platform.regions.provinces}). Answered as 422 problem+json, code
 * {@code unknown-region}.
 */
public class UnknownRegionException extends ProblemException {

  /**
   * @param code the code as given
   * @param provinces the codes of the provinces loaded
   */
  public UnknownRegionException(String code, Collection<String> provinces) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-region",
        "No administrative division has the code '" + code + "' (GB/T 2260, 2 to 12 digits; divisions"
            + " loaded: provinces " + String.join(", ", provinces) + ").");
  }
}
