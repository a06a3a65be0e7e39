package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * An old-age allowance (高龄津贴) of one person.
 *
 * @param id this service's id of the allowance
 * @param personId the elderly person paid
 * @param monthlyAmount yuan a month, scale 2, by the person's age band (see {@link OldAgeAllowanceProperties})
 * @param startMonth the first month paid
 * @param endMonth the last month paid, {@code null} while ACTIVE
 * @param status ACTIVE or STOPPED
 * @param stoppedByDeathRecordId the registry's death record that stopped it, {@code null} otherwise
 */
public record OldAgeAllowance(long id, long personId, BigDecimal monthlyAmount, YearMonth startMonth,
    YearMonth endMonth, AllowanceStatus status, Long stoppedByDeathRecordId) {
}
