package gov.civilaffairs.veterans.medical;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A settlement as the hospital reports it; amounts in yuan, at most 2 decimals, not negative. */
public record NewMedicalSettlement(String hospitalCode, String hospitalName, String settlementReference,
    CareType careType, LocalDate admittedOn, LocalDate dischargedOn, LocalDate settledOn, BigDecimal totalCost,
    BigDecimal insurancePaid, BigDecimal criticalIllnessPaid, BigDecimal medicalAssistancePaid) {
}
