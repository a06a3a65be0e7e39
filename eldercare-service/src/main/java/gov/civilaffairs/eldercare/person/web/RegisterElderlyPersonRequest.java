package gov.civilaffairs.eldercare.person.web;

import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a caller may set when registering an elderly person; birth date and age come from the ID number. */
record RegisterElderlyPersonRequest(
    @Schema(description = "身份证号, GB 11643-1999; lowercase x accepted", example = "330681194001010039")
    @NotNull @ValidNationalIdNumber String nationalIdNumber,
    @Schema(description = "姓名 as in the household register, at most 50 characters", example = "张桂英")
    @NotBlank @Size(max = 50) String name,
    @Schema(description = "户籍所在地: village-level region code (GB/T 2260), 12 digits", example = "330681109290")
    @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village-level region code") String regionCode) {
}
