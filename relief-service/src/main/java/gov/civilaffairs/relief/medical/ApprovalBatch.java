package gov.civilaffairs.relief.medical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A batch approval (审批): settlements approved together under one approval document number (审批文号), with its
 * control totals (computed when the batch is made, over all its settlements).
 *
 * @param regionCode the approving office's area: a 6-digit county, or empty for the city
 * @param settlements number of settlements; {@code persons} distinct persons
 * @param totalCost, eligibleOutOfPocket, assistancePaid sums over the settlements, yuan
 * @param advancesOffset the part of {@code assistancePaid} already paid by pre-treatment advances, yuan
 * @param payable {@code assistancePaid - advancesOffset}, yuan
 * @param lines the settlements within the reader's area, by id
 */
public record ApprovalBatch(long id, String documentNumber, String regionCode, LocalDate approvedOn, int settlements,
    int persons, BigDecimal totalCost, BigDecimal eligibleOutOfPocket, BigDecimal assistancePaid,
    BigDecimal advancesOffset, BigDecimal payable, List<MedicalSettlement> lines) {
}
