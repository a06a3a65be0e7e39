package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.PeriodicPension;
import gov.civilaffairs.veterans.person.PersonPension;
import gov.civilaffairs.veterans.standard.PensionAmounts;

/**
 * The monthly pension a person received in the month of their death: what the funeral subsidy multiplies
 * (DOMAIN.md, "The death rule", point 6). Each pension at the standard of the person's scale in force that month,
 * or at its registered amount where no standard covers the month.
 *
 * @param monthlyAmount yuan, scale 2
 * @param basis where the amount comes from: the standard's effective month and documents, or the registered amount
 */
record PensionAtDeath(BigDecimal monthlyAmount, String basis) {

  /**
   * @param pensions the pensions the person received (active, or stopped by this death: both are payable in the
   *     month of death)
   */
  static PensionAtDeath of(PensionAmounts amounts, EntitledPerson person, List<PeriodicPension> pensions,
      YearMonth monthOfDeath) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    List<String> basis = new ArrayList<>();
    for (PeriodicPension pension : pensions) {
      total = total.add(amounts.dueFor(new PersonPension(person, pension), monthOfDeath));
      basis.add(amounts.standardFor(person, monthOfDeath)
          .map(standard -> "at the standard in force " + monthOfDeath + " (effective " + standard.effectiveFrom()
              + ", " + standard.nationalSource()
              + (standard.localSource() == null ? "" : " + " + standard.localSource()) + ")")
          .orElse("at the registered amount (no standard of the scale in force " + monthOfDeath + ")"));
    }
    return new PensionAtDeath(total, String.join("; ", basis));
  }
}
