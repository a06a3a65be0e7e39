package gov.civilaffairs.platform.region;

import java.util.Collection;
import java.util.Map;

import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A region code that names no loaded administrative division: malformed, retired, or in a province
 * the service does not load ({@code platform.regions.provinces}). Answered as 422 problem+json, code
 * {@code unknown-region}, naming the field {@value #FIELD} ({@code field} and {@code errors[0].field}) and
 * the code given ({@code errors[0].rejectedValue}): a GB/T 2260 code is public reference data, not personal
 * data. A value longer than the longest region code (12 digits) is neither echoed nor put in the detail,
 * since it may be something else typed into the wrong field, such as a national ID number (docs/security.md,
 * masking).
 */
public class UnknownRegionException extends ProblemException {

  /** The name of the request field that carries a region code in every service's API. */
  public static final String FIELD = "regionCode";

  /** The longest region code (village level, 12 digits): a longer value is not echoed. */
  static final int MAX_ECHOED_LENGTH = 12;

  /**
   * @param code the code as given
   * @param provinces the codes of the provinces loaded
   */
  public UnknownRegionException(String code, Collection<String> provinces) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-region",
        "No administrative division has the code " + (echoed(code) ? "'" + code + "'" : "given")
            + " (GB/T 2260, 2 to 12 digits; divisions loaded: provinces " + String.join(", ", provinces) + ").",
        echoed(code) ? Map.of("field", FIELD, "rejectedValue", code) : Map.of("field", FIELD));
  }

  private static boolean echoed(String code) {
    return code != null && code.length() <= MAX_ECHOED_LENGTH;
  }
}
