package gov.civilaffairs.relief.payee;

import java.time.Instant;

/**
 * The bank account a beneficiary is paid into (代发账户).
 *
 * @param beneficiaryKind whose id {@code beneficiaryId} is ({@link BeneficiaryKind})
 * @param beneficiaryId the household id (or case / registration id of the other schemes)
 * @param holderName the account holder's name as the bank has it (户名), at most 100 code points
 * @param bankCode the 12-digit bank code (支付系统行号, CNAPS participant code of the People's Bank of China)
 * @param bankName the bank's name (开户行), at most 100 code points
 * @param accountNumber the account or card number in full, 12-19 digits ({@link BankAccountNumbers})
 * @param updatedAt when it was last set (UTC)
 * @param updatedBy who set it (user or client id)
 */
public record PayeeAccount(BeneficiaryKind beneficiaryKind, long beneficiaryId, String holderName, String bankCode,
    String bankName, String accountNumber, Instant updatedAt, String updatedBy) {

  /** Whose id a payee account's {@code beneficiaryId} is: the beneficiary of a scheme's payment roll lines. */
  public enum BeneficiaryKind {
    /** A minimum-living-allowance household (scheme {@code MINIMUM_LIVING_ALLOWANCE}). */
    HOUSEHOLD,
    /** A 特困 case (scheme {@code EXTREME_POVERTY_SUPPORT}); not set through REST yet. */
    EXTREME_POVERTY_CASE,
    /** A child registration (scheme {@code ORPHAN_ALLOWANCE}); not set through REST yet. */
    CHILD_REGISTRATION;

    /** The kind of beneficiary of a payment roll's scheme; empty for a scheme not known here. */
    public static java.util.Optional<BeneficiaryKind> ofScheme(String scheme) {
      return java.util.Optional.ofNullable(switch (scheme) {
        case "MINIMUM_LIVING_ALLOWANCE" -> HOUSEHOLD;
        case "EXTREME_POVERTY_SUPPORT" -> EXTREME_POVERTY_CASE;
        case "ORPHAN_ALLOWANCE" -> CHILD_REGISTRATION;
        default -> null;
      });
    }
  }
}
