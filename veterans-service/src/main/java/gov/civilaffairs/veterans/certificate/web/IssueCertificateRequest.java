package gov.civilaffairs.veterans.certificate.web;

import java.time.LocalDate;

import gov.civilaffairs.veterans.certificate.CertificateType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A certificate to issue: exactly the fields a caseworker may set; status follows the rules. */
@Schema(description = "发证: a certificate issued to an entitled person")
record IssueCertificateRequest(
    @NotNull @Schema(description = "证件类型", example = "DISABLED_VETERAN_CERTIFICATE") CertificateType type,
    @NotBlank @Pattern(regexp = "[\\p{L}\\p{N}-]{1,40}", message = "letters, digits and '-', 1 to 40")
    @Schema(description = "证件编号 as printed", example = "浙A0012345") String number,
    @NotNull @Schema(description = "发证日期", type = "string", example = "2026-03-02") LocalDate issuedOn) {
}
