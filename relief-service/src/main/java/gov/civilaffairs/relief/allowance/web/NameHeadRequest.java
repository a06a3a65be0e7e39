package gov.civilaffairs.relief.allowance.web;

import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The living member who becomes head of the household. */
record NameHeadRequest(
    @Schema(example = "330681195001010017") @NotNull @ValidNationalIdNumber String nationalIdNumber) {
}
