package gov.civilaffairs.veterans.medical;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A one-stop medical settlement (一站式结算) of an entitled person: each part of the cost, in yuan (scale 2).
 *
 * @param hospitalCode the medical institution's code (医疗机构登记号 or 统一社会信用代码)
 * @param settlementReference the hospital's settlement number; with {@code hospitalCode} it identifies the record
 * @param dischargedOn for inpatient care, else {@code null}
 * @param settledOn civil date (Asia/Shanghai) of the settlement; the subsidy counts in its month and year
 * @param insurancePaid 基本医疗保险统筹支付
 * @param criticalIllnessPaid 大病保险支付
 * @param medicalAssistancePaid 医疗救助支付 (relief's scheme)
 * @param selfPaidBefore what the patient would pay without the veterans' subsidy: total minus the three above
 * @param veteransSubsidy 优抚医疗补助 paid in the settlement
 * @param selfPaid what the patient paid
 * @param basis how the subsidy was computed and the rule's source
 */
public record MedicalSettlement(long id, long entitledPersonId, String hospitalCode, String hospitalName,
    String settlementReference, CareType careType, LocalDate admittedOn, LocalDate dischargedOn, LocalDate settledOn,
    BigDecimal totalCost, BigDecimal insurancePaid, BigDecimal criticalIllnessPaid, BigDecimal medicalAssistancePaid,
    BigDecimal selfPaidBefore, BigDecimal veteransSubsidy, BigDecimal selfPaid, String basis, String recordedBy,
    Instant recordedAt) {
}
