package gov.civilaffairs.platform.time;

import java.time.Year;

import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A date falls in a year for which the official holiday data is not loaded (for example a year
 * whose State Council notice is not yet published). Working days cannot be counted there, and the
 * calendar never guesses weekends-only. Answered as 422 problem+json, code
 * {@code calendar-not-covered}.
 */
public class CalendarNotCoveredException extends ProblemException {

  /**
   * @param year the year asked for
   * @param first the first year the calendar covers
   * @param last the last year the calendar covers
   */
  public CalendarNotCoveredException(Year year, Year first, Year last) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "calendar-not-covered",
        "Working days of " + year + " cannot be counted: the official holiday calendar covers "
            + first + "-" + last + " only.");
  }
}
