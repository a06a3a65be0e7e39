package gov.civilaffairs.registry.person.web;

import java.time.LocalDate;

import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.registry.person.CodePointLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What a caller may set when adding a person to the index. Sex and birth date are optional: they are
 * read from the ID number, and when given must agree with it.
 */
record CreatePersonRequest(
    @Schema(description = "身份证号, GB 11643-1999; lowercase x accepted", example = "330681199001011237")
    @NotNull @ValidNationalIdNumber String nationalIdNumber,
    @Schema(description = "姓名 as in the household register; at most 50 characters (code points)", example = "张三")
    @NotBlank @CodePointLength(max = 50) String name,
    @Schema(description = "Optional; must agree with the ID number", example = "MALE") Sex sex,
    @Schema(description = "Optional; must agree with the ID number", example = "1990-01-01") LocalDate birthDate,
    @Schema(description = "户籍所在地 village-level region code, 12 digits", example = "330681001001")
    @NotBlank @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village-level region code") String regionCode) {
}
