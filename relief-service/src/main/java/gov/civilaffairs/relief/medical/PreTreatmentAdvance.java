package gov.civilaffairs.relief.medical;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pre-treatment assistance advance (医前救助) paid to a beneficiary before treatment; see
 * {@link MedicalAssistanceService} for how it is settled and counted against the yearly cap.
 *
 * @param amount yuan, scale 2
 * @param status {@code OPEN} until the person's next settlement of the category settles it ({@code SETTLED},
 *     {@code settlementId})
 */
public record PreTreatmentAdvance(long id, String regionCode, String nationalIdNumber, String name, String category,
    String hospital, String reason, BigDecimal amount, LocalDate grantedOn, String status, Long settlementId) {
}
