package gov.civilaffairs.relief.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.person.PersonStatus;

/**
 * An application for the minimum living allowance (低保申请) as stored.
 *
 * @param regionCode the 12-digit village or community code of the household
 * @param area which standard applies
 * @param receivedOn the day of intake (受理), Asia/Shanghai
 * @param dueOn the last day for the decision: {@code receivedOn} plus the processing working days of the
 *     official calendar; {@code null} while the calendar does not cover the period (a year not yet published)
 * @param consentReference reference of the household's signed consent (授权书) to the economic verification
 * @param verification what income-verification-service reported, or {@code null} before it answered
 * @param assessedMonthlyIncome the household's monthly income as the home investigation assessed it, yuan;
 *     {@code null} when the investigation kept the verified figure
 * @param noticeStartsOn first day of the public notice, {@code null} before it
 * @param noticeEndsOn last day of the public notice (inclusive)
 * @param decidedOn the day of confirmation or refusal
 * @param refusalStep the step that refused, for a refused application
 * @param householdId the household registered at confirmation
 * @param startMonth the first month of the allowance (the month after confirmation)
 */
public record AllowanceApplication(long id, String regionCode, Area area, ApplicationStatus status,
    LocalDate receivedOn, LocalDate dueOn, RegistryCheck registryCheck, String consentReference,
    LocalDate consentSignedOn, Long verificationRequestId, String verificationError, Verification verification,
    BigDecimal assessedMonthlyIncome, String investigationFindings, LocalDate investigatedOn,
    boolean communityReviewRequested, LocalDate noticeStartsOn, LocalDate noticeEndsOn, LocalDate decidedOn,
    String refusalStep, String refusalReason, Long householdId, YearMonth startMonth, String createdBy,
    Instant createdAt, List<ApplicantMember> members, List<String> photoReferences, List<Step> steps) {

  /**
   * income-verification-service's report, as its {@code income.verification-completed.v1} event gave it.
   *
   * @param outcome {@code BELOW_ALLOWANCE_STANDARD}, {@code NEAR_POVERTY}, {@code ABOVE_NEAR_POVERTY_LINE},
   *     {@code ASSETS_OVER_LIMIT} or {@code INCONCLUSIVE}
   * @param rule the deciding rule's code, e.g. {@code asset-limit:VEHICLES}
   * @param householdMonthlyIncome yuan per month
   */
  public record Verification(String outcome, String rule, String explanation, BigDecimal householdMonthlyIncome,
      Integer livingMembers) {
  }

  /** A member of the applying household and what the registry said of them. */
  public record ApplicantMember(String nationalIdNumber, String name, Relation relation, PersonStatus registryStatus) {
  }

  /** One step taken, in order. */
  public record Step(String step, String outcome, String actor, String note, Instant recordedAt) {
  }

  /** The monthly income the amount is computed from: the investigation's figure, else the verified one. */
  public BigDecimal monthlyIncome() {
    if (assessedMonthlyIncome != null) {
      return assessedMonthlyIncome;
    }
    return verification == null ? null : verification.householdMonthlyIncome();
  }

  /** The reference income-verification-service stores as the household id of the request. */
  public String verificationReference() {
    return reference(id);
  }

  /** {@code dibao-application-<id>}: the household id sent with the verification request. */
  static String reference(long applicationId) {
    return "dibao-application-" + applicationId;
  }
}
