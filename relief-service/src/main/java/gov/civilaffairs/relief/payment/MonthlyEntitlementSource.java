package gov.civilaffairs.relief.payment;

import java.time.YearMonth;
import java.util.List;

/**
 * The SPI through which an assistance scheme hands its monthly payments to the payment rolls: one Spring bean
 * per scheme. {@link PaymentRollService#generate} asks the scheme's source for the entitlements of a month and
 * makes one roll per township (the first 9 digits of each entitlement's village code, GB/T 2260 / GB/T 10114),
 * one {@link LineKind#MONTHLY} line per entitlement.
 *
 * <p>Rules for an implementation (the roll relies on them):
 * <ul>
 *   <li>{@link #scheme()} is a stable upper-case code, unique among the beans, used in the API
 *       ({@code POST /payment-rolls {"scheme": ...}}), in the roll table and in events (for 低保:
 *       {@code MINIMUM_LIVING_ALLOWANCE}; e.g. {@code EXTREME_POVERTY_SUPPORT}, {@code ORPHAN_ALLOWANCE}).</li>
 *   <li>{@link #entitlements(YearMonth)} returns every beneficiary paid for that month, at most one row per
 *       beneficiary, amount above zero (yuan, scale 2), region the 12-digit village code the beneficiary is paid
 *       in (the roll's township and the area checks derive from it), and the decision that set the amount.
 *       It must read committed state only and be side-effect free: generation is idempotent per
 *       (scheme, township, month), and a roll that already exists is never regenerated.</li>
 *   <li>Beneficiary ids are the scheme's own ids (低保: household id); lines of different schemes never mix
 *       because every roll has one scheme.</li>
 *   <li>Build the rows with one set-based query (no query per beneficiary): the roll of 200,000 households
 *       must be generated in well under a minute (README, benchmark).</li>
 * </ul>
 * Corrections of unsent rolls after a later decision (death, review, standard) are the scheme's own business;
 * the allowance does them through {@link PaymentRollService#correctUnsentRolls}; the schemes paid to a person
 * (特困, children) through {@code SpecialSchemeDeaths} on a death and its revocation.
 */
public interface MonthlyEntitlementSource {

  /** The scheme's code, e.g. {@code MINIMUM_LIVING_ALLOWANCE}. */
  String scheme();

  /** The entitlements of a month, ordered by beneficiary id (ascending). */
  List<Entitlement> entitlements(YearMonth month);

  /**
   * One beneficiary's entitlement for a month, if it is paid then: what a revoked death puts back into the unsent
   * rolls and owes as arrears for the sent ones ({@code SpecialSchemeDeaths}). The default reads the whole month
   * ({@link #entitlements}) and picks the row: one set-based query per month asked, acceptable for revocations,
   * which are rare; a source may answer it with a narrower query.
   */
  default java.util.Optional<Entitlement> entitlementOf(long beneficiaryId, YearMonth month) {
    return entitlements(month).stream().filter(e -> e.beneficiaryId() == beneficiaryId).findFirst();
  }

  /**
   * One beneficiary's payment for a month.
   *
   * @param beneficiaryId the scheme's id of who is paid (低保: the household id)
   * @param regionCode 12-digit village code (GB/T 2260 extended to village level) the beneficiary is paid in
   * @param amount yuan, scale 2, above zero
   * @param decision the decision that set this amount
   */
  record Entitlement(long beneficiaryId, String regionCode, java.math.BigDecimal amount, DecisionReference decision) {
  }
}
