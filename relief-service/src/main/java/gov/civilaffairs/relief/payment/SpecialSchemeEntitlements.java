package gov.civilaffairs.relief.payment;

import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.relief.extremepoverty.ExtremePovertyService;
import gov.civilaffairs.relief.orphan.ChildAllowanceService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly schemes paid per person, plugged into the payment rolls ({@link MonthlyEntitlementSource}): one
 * roll per scheme, township and month, like the minimum living allowance's.
 *
 * <ul>
 *   <li>{@value #EXTREME_POVERTY_SUPPORT}: 特困 support (basic living standard + care allowance, 国发〔2016〕14号;
 *       {@link ExtremePovertyService#monthlyEntitlements}); beneficiary = the extreme-poverty case id, decision
 *       {@code EXTREME_POVERTY_CASE} = that case's determination.</li>
 *   <li>{@value #ORPHAN_ALLOWANCE}: the basic living allowance of scattered orphans and de-facto unsupported
 *       children (国办发〔2010〕54号, 民发〔2019〕62号; {@link ChildAllowanceService#monthlyEntitlements});
 *       beneficiary = the child registration id, decision {@code CHILD_REGISTRATION}.</li>
 * </ul>
 * The adapters live here, not in the schemes' packages, because the allowance depends on the 特困 package (a
 * person is never in both) and the payment package on the allowance: the schemes stay free of the payment
 * package. Each scheme's own query is set-based (one query per month; the standard of the month once per area).
 */
@Configuration(proxyBeanMethods = false)
class SpecialSchemeEntitlements {

  /** Scheme code of 特困 support in rolls and events. */
  static final String EXTREME_POVERTY_SUPPORT = "EXTREME_POVERTY_SUPPORT";

  /** Scheme code of the children's basic living allowance in rolls and events. */
  static final String ORPHAN_ALLOWANCE = "ORPHAN_ALLOWANCE";

  @Bean
  MonthlyEntitlementSource extremePovertySupportEntitlements(ExtremePovertyService support) {
    return new Source(EXTREME_POVERTY_SUPPORT, month -> support.monthlyEntitlements(month).stream()
        .map(e -> new MonthlyEntitlementSource.Entitlement(e.caseId(), e.regionCode(), e.amount(),
            DecisionReference.of("EXTREME_POVERTY_CASE", e.caseId())))
        .toList());
  }

  @Bean
  MonthlyEntitlementSource orphanAllowanceEntitlements(ChildAllowanceService children) {
    return new Source(ORPHAN_ALLOWANCE, month -> children.monthlyEntitlements(month).stream()
        .map(e -> new MonthlyEntitlementSource.Entitlement(e.registrationId(), e.regionCode(), e.amount(),
            DecisionReference.of("CHILD_REGISTRATION", e.registrationId())))
        .toList());
  }

  private record Source(String scheme, java.util.function.Function<YearMonth, List<Entitlement>> rows)
      implements MonthlyEntitlementSource {

    @Override
    public List<Entitlement> entitlements(YearMonth month) {
      return rows.apply(month).stream()
          .filter(e -> e.amount().signum() > 0)
          .sorted(java.util.Comparator.comparingLong(Entitlement::beneficiaryId))
          .toList();
    }
  }
}
