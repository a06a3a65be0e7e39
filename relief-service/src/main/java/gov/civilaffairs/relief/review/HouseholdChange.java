package gov.civilaffairs.relief.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A periodic review (动态管理) or member change of an allowance household and what it did to the amount.
 *
 * @param kind {@link Kind}
 * @param recordedOn the day it was recorded
 * @param changedOn the day of the review visit, birth, marriage or move
 * @param fromMonth the first month of the new amount; for {@code STOP}, the first month no longer paid
 * @param nationalIdNumber the member who joined or left; null for a review
 * @param outcome {@link Outcome}
 */
public record HouseholdChange(long id, long householdId, Kind kind, LocalDate recordedOn, LocalDate changedOn,
    YearMonth fromMonth, String nationalIdNumber, String memberName, BigDecimal monthlyIncomeBefore,
    BigDecimal monthlyIncomeAfter, int membersBefore, int membersAfter, BigDecimal amountBefore,
    BigDecimal amountAfter, Outcome outcome, String findings, String actor, Instant createdAt) {

  /** What happened. */
  public enum Kind {
    /** 定期复核. */
    PERIODIC_REVIEW,
    /** A child born into the household (出生). */
    BIRTH,
    /** A spouse joined the household by marriage (婚入). */
    MARRIAGE_IN,
    /** A member moved out or married out (迁出, 婚出). */
    MOVED_OUT
  }

  /** What it did to the allowance (增发, 减发, 停发). */
  public enum Outcome {
    RAISE,
    REDUCE,
    STOP,
    UNCHANGED
  }
}
