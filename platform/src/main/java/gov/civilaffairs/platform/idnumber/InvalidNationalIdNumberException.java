package gov.civilaffairs.platform.idnumber;

import java.util.Map;

import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A string that is not a valid national ID number (GB 11643-1999). Uncaught in a request, it is
 * answered as {@code 400 application/problem+json} with code {@code invalid-national-id-number}, the
 * {@link Reason} as the {@code reason} member and the exact rule broken as the detail. The message
 * never contains the number itself (only, where it is the point, its birth date or check character).
 */
public class InvalidNationalIdNumberException extends ProblemException {

  /** Stable problem code of this error. */
  public static final String CODE = "invalid-national-id-number";

  /** Which rule of GB 11643-1999 (or of the platform) the string breaks, in the order checked. */
  public enum Reason {
    /** null, empty or only whitespace. */
    BLANK,
    /** Not 18 characters after trimming (15 for the legacy conversion). */
    WRONG_LENGTH,
    /** One of the first 17 characters is not a digit, or the last is neither a digit nor X. */
    NON_DIGIT,
    /** The last character is not the ISO 7064 MOD 11-2 check character of the first 17. */
    BAD_CHECK_CHARACTER,
    /** Digits 7-14 are not a calendar date (for example 20230230). */
    INVALID_BIRTH_DATE,
    /** The birth date is before 1900-01-01, the earliest the platform accepts. */
    BIRTH_DATE_TOO_EARLY,
    /** The birth date is after today (Asia/Shanghai, or the date the caller passed). */
    BIRTH_DATE_IN_FUTURE
  }

  private final Reason reason;

  /**
   * @param reason the rule broken
   * @param message what exactly is wrong, for a person (for example "check character should be 7")
   */
  public InvalidNationalIdNumberException(Reason reason, String message) {
    super(HttpStatus.BAD_REQUEST, CODE, message, Map.of("reason", reason.name()));
    this.reason = reason;
  }

  /** The rule broken. */
  public Reason getReason() {
    return reason;
  }
}
