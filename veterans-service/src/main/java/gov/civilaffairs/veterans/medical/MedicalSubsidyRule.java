package gov.civilaffairs.veterans.medical;

import java.math.BigDecimal;

import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;

/**
 * The veterans' medical subsidy of one settlement under a {@link MedicalPolicy}. No state, no Spring.
 */
final class MedicalSubsidyRule {

  private final MedicalPolicy policy;

  MedicalSubsidyRule(MedicalPolicy policy) {
    this.policy = policy;
  }

  /**
   * The subsidy and its basis.
   *
   * @param selfPaidBefore yuan the patient would pay after insurance and medical assistance, scale 2, not negative
   * @param subsidisedThisYear yuan of veterans' medical subsidy the person already had this calendar year
   * @return subsidy in yuan (scale 2, not above {@code selfPaidBefore}) and how it was reached
   */
  Subsidy subsidy(EntitledPerson person, BigDecimal selfPaidBefore, BigDecimal subsidisedThisYear) {
    boolean severe = person.category() == EntitledCategory.DISABLED_VETERAN && person.disabilityGrade() != null
        && person.disabilityGrade() <= policy.severeDisabilityMaxGrade();
    BigDecimal share = severe ? policy.severeDisabilityShare() : policy.share().get(person.category());
    BigDecimal amount = selfPaidBefore.multiply(share).setScale(2, policy.roundingMode());
    String basis = share.stripTrailingZeros().toPlainString() + " x " + selfPaidBefore + " self-paid after insurance";
    if (severe) {
      basis += " (disabled veteran grade " + person.disabilityGrade() + ": costs guaranteed, 军人抚恤优待条例; "
          + "veterans.medical.severe-disability-share)";
    } else {
      BigDecimal left = policy.yearlyCap().subtract(subsidisedThisYear).max(BigDecimal.ZERO).setScale(2);
      if (amount.compareTo(left) > 0) {
        basis += ", limited to " + left + " left of the yearly cap " + policy.yearlyCap();
        amount = left;
      }
      basis += " (优抚对象医疗保障办法; veterans.medical.share." + person.category() + ", veterans.medical.yearly-cap)";
    }
    return new Subsidy(amount, basis);
  }

  /** @param amount yuan, scale 2 */
  record Subsidy(BigDecimal amount, String basis) {
  }
}
