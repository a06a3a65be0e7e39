package gov.civilaffairs.eldercare.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A person's old-age allowance (高龄津贴) was stopped. Published through the platform's event outbox ({@link EldercareEvents}) on topic
 * {@value EldercareEventsConfiguration#TOPIC}, keyed by person id, as CloudEvent
 * {@value EldercareEventsConfiguration#ALLOWANCE_TERMINATED}; the contract is
 * {@code contracts/events/eldercare.allowance-terminated.v1.schema.json}.
 *
 * @param eventId the CloudEvent id ({@code ce_id}), fixed when created so that a republication keeps it
 * @param personId eldercare-service's id of the elderly person
 * @param allowanceId the allowance stopped
 * @param reason why, {@code DEATH}
 * @param deathRecordId the registry's death record that caused it
 * @param lastPaidMonth the last month paid (Asia/Shanghai)
 * @param overpayment yuan paid by sent rolls for months after {@code lastPaidMonth}, claimed back; 0.00 if none
 * @param terminatedAt when it was recorded (UTC); equals {@code ce_time}
 */
public record AllowanceTerminated(UUID eventId, long personId, long allowanceId, String reason, long deathRecordId,
    YearMonth lastPaidMonth, BigDecimal overpayment, Instant terminatedAt) {

  /** The reason when a death record stopped the allowance. */
  public static final String DEATH = "DEATH";
}
