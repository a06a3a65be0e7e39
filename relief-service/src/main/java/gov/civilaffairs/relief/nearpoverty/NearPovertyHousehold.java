package gov.civilaffairs.relief.nearpoverty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;

/**
 * A near-poverty household (低保边缘家庭) in the low-income population register.
 *
 * @param applicationId the allowance application whose verification found it
 * @param determinedOn the day the verification report was applied
 * @param householdMonthlyIncome yuan per month, from the report
 * @param rule the report's deciding rule
 */
public record NearPovertyHousehold(long id, String regionCode, Area area, long applicationId,
    long verificationRequestId, LocalDate determinedOn, BigDecimal householdMonthlyIncome, Integer livingMembers,
    String rule, String explanation, List<Member> members) {

  /** A member as the application gave it. */
  public record Member(String nationalIdNumber, String name, Relation relation) {
  }
}
