package gov.civilaffairs.veterans.certificate.web;

import java.time.LocalDate;

import gov.civilaffairs.veterans.certificate.EvidenceType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A document that proves the person's category, as a reference to where it is kept. */
@Schema(description = "认定依据: a reference to a document proving the category")
record RecordEvidenceRequest(
    @NotNull @Schema(description = "材料类型", example = "DISABILITY_ASSESSMENT") EvidenceType documentType,
    @NotBlank @Size(max = 300)
    @Schema(description = "档案号、文号或文档地址", example = "浙残评〔2019〕0231号") String reference,
    @NotBlank @Size(max = 200)
    @Schema(description = "出具机关", example = "浙江省退役军人事务厅") String issuingAuthority,
    @NotNull @Schema(description = "出具日期", type = "string", example = "2019-05-20") LocalDate issuedOn) {
}
