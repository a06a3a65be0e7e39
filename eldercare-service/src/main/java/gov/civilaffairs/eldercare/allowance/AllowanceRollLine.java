package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One payment of a roll.
 *
 * @param id ascending within the roll
 * @param personId the elderly person paid
 * @param nationalIdNumber the person's ID number (masked in responses for roles that do not need it)
 * @param name the person's name
 * @param regionCode the person's village (GB/T 2260, 12 digits)
 * @param kind MONTHLY (the roll's month) or ARREARS (an earlier month owed)
 * @param forMonth the benefit month paid
 * @param amount yuan, scale 2: the band amount of {@code forMonth}
 */
public record AllowanceRollLine(long id, long personId, String nationalIdNumber, String name, String regionCode,
    Kind kind, YearMonth forMonth, BigDecimal amount) {

  /** What a line pays. */
  public enum Kind {
    /** The allowance of the roll's month. */
    MONTHLY,
    /** A month not paid before (补发), for example after a revoked death record. */
    ARREARS
  }
}
