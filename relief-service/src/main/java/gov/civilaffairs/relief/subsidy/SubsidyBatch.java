package gov.civilaffairs.relief.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import gov.civilaffairs.relief.allowance.Area;

/**
 * A one-off subsidy batch (一次性补贴) with its target rule and control totals.
 *
 * @param kind {@link Kind}
 * @param documentReference the notice that ordered it; with {@code kind}, unique (a retried request finds the batch)
 * @param referenceMonth the targets are the households whose minimum living allowance is paid for this month
 * @param area {@code URBAN}, {@code RURAL}, or null for both
 * @param amountPerHousehold yuan per household
 * @param amountPerPerson yuan per living member
 * @param status {@code DRAFT} (list generated) or {@code PAID} (sent for payment; never again)
 * @param lineCount households in the list; {@code personCount} persons; {@code totalAmount} yuan
 */
public record SubsidyBatch(long id, Kind kind, String title, String documentReference, YearMonth referenceMonth,
    Area area, BigDecimal amountPerHousehold, BigDecimal amountPerPerson, String status, int lineCount,
    int personCount, BigDecimal totalAmount, String createdBy, Instant createdAt, Instant paidAt) {

  /** The bureau's one-off subsidies (DOMAIN.md). */
  public enum Kind {
    /** 物价补贴. */
    PRICE_SUBSIDY,
    /** 冬春补助. */
    WINTER_SPRING_AID,
    /** 春节生活补贴. */
    FESTIVAL_SUBSIDY,
    /** 送温暖. */
    WINTER_VISIT
  }

  /** One household in the list. */
  public record Line(long id, long batchId, long householdId, String regionCode, int persons, BigDecimal amount) {
  }
}
