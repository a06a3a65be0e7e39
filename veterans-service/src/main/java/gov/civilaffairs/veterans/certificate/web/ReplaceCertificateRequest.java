package gov.civilaffairs.veterans.certificate.web;

import java.time.LocalDate;

import gov.civilaffairs.veterans.certificate.ReplacementReason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The new certificate that replaces a valid one. */
@Schema(description = "补发/换发: the replacement of a certificate")
record ReplaceCertificateRequest(
    @NotBlank @Pattern(regexp = "[\\p{L}\\p{N}-]{1,40}", message = "letters, digits and '-', 1 to 40")
    @Schema(description = "新证件编号", example = "浙A0012399") String number,
    @NotNull @Schema(description = "发证日期", type = "string", example = "2026-09-01") LocalDate issuedOn,
    @NotNull @Schema(description = "补发/换发原因", example = "LOST") ReplacementReason reason) {
}
