package gov.civilaffairs.relief.allowance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.relief.allowance.Allowance;
import gov.civilaffairs.relief.allowance.AllowanceStatus;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Household;
import gov.civilaffairs.relief.allowance.Member;
import gov.civilaffairs.relief.allowance.Relation;

/**
 * A household with its members and allowance. {@code headRequired} is true while a caseworker must
 * name a new head (the head died); {@code currentAmount} is the amount due for {@code asOf}.
 */
record HouseholdResponse(long id, String regionCode, Area area, BigDecimal monthlyIncome, boolean headRequired,
    Long headRequiredByDeathRecordId, List<MemberView> members, AllowanceView allowance) {

  record MemberView(@Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, Relation relation,
      boolean head, Sex sex, LocalDate birthDate, boolean living, Long deceasedByDeathRecordId) {
  }

  record AllowanceView(AllowanceStatus status, YearMonth startMonth, YearMonth endMonth,
      Long terminatedByDeathRecordId, YearMonth asOf, BigDecimal currentAmount, List<AmountView> amounts) {
  }

  record AmountView(YearMonth fromMonth, BigDecimal amount, int members, Long deathRecordId, boolean withdrawn,
      Long allowanceStandardId) {
  }

  static HouseholdResponse of(Household household, Allowance allowance, YearMonth asOf) {
    List<MemberView> members = household.members().stream()
        .map((Member m) -> new MemberView(m.nationalIdNumber(), m.name(), m.relation(), m.head(), m.sex(),
            m.birthDate(), m.living(), m.deceasedDeathRecordId()))
        .toList();
    AllowanceView allowanceView = new AllowanceView(allowance.status(), allowance.startMonth(),
        allowance.endMonth(), allowance.terminatedByDeathRecordId(), asOf, allowance.amountFor(asOf),
        allowance.amounts().stream()
            .map(a -> new AmountView(a.fromMonth(), a.amount(), a.members(), a.deathRecordId(), a.withdrawn(),
                a.allowanceStandardId()))
            .toList());
    return new HouseholdResponse(household.id(), household.regionCode(), household.area(),
        household.monthlyIncome(), household.headRequired(), household.headRequiredDeathRecordId(), members,
        allowanceView);
  }
}
