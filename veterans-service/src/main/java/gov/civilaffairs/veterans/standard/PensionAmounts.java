package gov.civilaffairs.veterans.standard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.PersonPension;

/**
 * What a pension pays for a month: the standard of the person's scale in force that month (the one with
 * the latest effective month not after it), or the amount registered with the pension when no standard
 * covers the month; nothing for a month the pension is not payable (before its start, after its end, or
 * after the last month paid when a death stopped it). A value over a snapshot of the standards; no Spring.
 */
public final class PensionAmounts {

  private static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(2);

  private final List<PensionStandard> standards;

  /** @param standards any standards, in any order */
  public PensionAmounts(List<PensionStandard> standards) {
    this.standards = standards.stream().sorted(Comparator.comparing(PensionStandard::effectiveFrom).reversed()).toList();
  }

  /** Yuan due for {@code month}, scale 2; 0.00 when the pension is not payable that month. */
  public BigDecimal dueFor(PersonPension pensioner, YearMonth month) {
    if (!pensioner.pension().isPayableFor(month)) {
      return NOTHING;
    }
    return standardFor(pensioner.person(), month)
        .map(PensionStandard::monthlyAmount)
        .orElse(pensioner.pension().monthlyAmount())
        .setScale(2);
  }

  /**
   * The standard of the person's scale in force in {@code month}: the one with the latest effective month not
   * after it; empty when no standard of the scale covers the month (the registered amount applies then).
   */
  public Optional<PensionStandard> standardFor(EntitledPerson person, YearMonth month) {
    return standards.stream()
        .filter(standard -> !standard.effectiveFrom().isAfter(month))
        .filter(standard -> standard.appliesTo(person.category(), person.disabilityGrade(), person.disabilityCause()))
        .findFirst();
  }
}
