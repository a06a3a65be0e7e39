package gov.civilaffairs.relief.medical;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A one-stop settlement record (一站式结算) of medical assistance.
 *
 * @param category {@code ALLOWANCE} (低保对象) or {@code NEAR_POVERTY} (低保边缘家庭成员): checked against relief's records
 * @param kind {@code OUTPATIENT} (门诊) or {@code INPATIENT} (住院)
 * @param settlementReference the hospital system's settlement number; unique (a record sent twice is one record)
 * @param eligibleOutOfPocket the policy-eligible cost left after insurance (政策范围内个人自付), yuan
 * @param deductibleApplied the part of it that went to the person's yearly deductible, yuan
 * @param assistancePaid what assistance pays for this treatment in all, yuan, scale 2 (the pre-treatment advance
 *     settled here included; it counts against the yearly cap)
 * @param advanceId the pre-treatment advance (医前救助) settled against this settlement, or null
 * @param advanceOffset the part of {@code assistancePaid} already paid by that advance, yuan
 * @param advanceToRecover what the advance paid beyond {@code assistancePaid}, to be recovered, yuan
 * @param payableAtSettlement {@code assistancePaid - advanceOffset}: what is paid at the settlement, yuan
 * @param approvalBatchId the batch approval (审批文号) that approved it, or null while unapproved
 */
public record MedicalSettlement(long id, String regionCode, String nationalIdNumber, String name, String category,
    String kind, String hospital, String settlementReference, LocalDate settledOn, BigDecimal totalCost,
    BigDecimal insurancePaid, BigDecimal eligibleOutOfPocket, BigDecimal deductibleApplied, BigDecimal assistancePaid,
    Long advanceId, BigDecimal advanceOffset, BigDecimal advanceToRecover, BigDecimal payableAtSettlement,
    Long approvalBatchId) {
}
