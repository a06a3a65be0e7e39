package gov.civilaffairs.veterans.person.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.PensionKind;
import gov.civilaffairs.veterans.person.PensionStatus;
import gov.civilaffairs.veterans.person.PeriodicPension;
import gov.civilaffairs.veterans.person.PersonStatus;

/** An entitled person with their pensions; the ID number is masked unless the masking policy allows it. */
record EntitledPersonResponse(long id, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name,
    EntitledCategory category, Integer disabilityGrade, DisabilityCause disabilityCause, String regionCode,
    PersonStatus status, LocalDate dateOfDeath, List<Pension> pensions) {

  /** A periodic pension: amounts in yuan, months {@code yyyy-MM}. */
  record Pension(long id, PensionKind kind, BigDecimal monthlyAmount, YearMonth startMonth, YearMonth endMonth,
      PensionStatus status, YearMonth paidThroughMonth, Long stoppedByDeathRecordId) {

    static Pension of(PeriodicPension pension) {
      return new Pension(pension.id(), pension.kind(), pension.monthlyAmount(), pension.startMonth(),
          pension.endMonth(), pension.status(), pension.paidThroughMonth(), pension.stoppedByDeathRecordId());
    }
  }

  static EntitledPersonResponse of(EntitledPerson person, List<PeriodicPension> pensions) {
    return new EntitledPersonResponse(person.id(), person.nationalIdNumber(), person.name(), person.category(),
        person.disabilityGrade(), person.disabilityCause(), person.regionCode(), person.status(),
        person.dateOfDeath(), pensions.stream().map(Pension::of).toList());
  }
}
