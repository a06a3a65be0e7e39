package gov.civilaffairs.eldercare.allowance.web;

import java.math.BigDecimal;
import java.time.YearMonth;

import gov.civilaffairs.eldercare.allowance.AllowanceRollLine;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import io.swagger.v3.oas.annotations.media.Schema;

/** A line of an old-age allowance roll as clients see it; the ID number is masked per role. */
record RollLineResponse(
    @Schema(example = "17") long id,
    @Schema(example = "1") long personId,
    @Schema(description = "Masked for roles that do not need it", example = "330681********0039")
    @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
    @Schema(example = "张桂英") String name,
    @Schema(example = "330681001001") String regionCode,
    @Schema(example = "MONTHLY") AllowanceRollLine.Kind kind,
    @Schema(type = "string", example = "2026-11") YearMonth forMonth,
    @Schema(description = "Yuan, scale 2", example = "50.00") BigDecimal amount) {

  static RollLineResponse of(AllowanceRollLine line) {
    return new RollLineResponse(line.id(), line.personId(), line.nationalIdNumber(), line.name(), line.regionCode(),
        line.kind(), line.forMonth(), line.amount());
  }
}
