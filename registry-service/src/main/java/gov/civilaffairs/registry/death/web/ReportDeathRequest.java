package gov.civilaffairs.registry.death.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.registry.death.DeathReport;
import gov.civilaffairs.registry.death.DeathSource;
import gov.civilaffairs.registry.person.CodePointLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A death reported by one source. Give the date of death, the time of death, or both (they must agree). */
record ReportDeathRequest(
    @Schema(description = "身份证号 of the deceased; lowercase x accepted", example = "330681199001011237")
    @NotNull @ValidNationalIdNumber String nationalIdNumber,
    @Schema(description = "姓名 as the source wrote it", example = "张三") @NotBlank @CodePointLength(max = 50) String name,
    @Schema(description = "死亡日期, civil date in Asia/Shanghai", example = "2026-06-30") LocalDate dateOfDeath,
    @Schema(description = "死亡时间 with offset; converted to the Asia/Shanghai date", example = "2026-06-30T23:30:00+08:00")
    OffsetDateTime timeOfDeath,
    @Schema(description = "来源", example = "HUKOU_CANCELLATION") @NotNull DeathSource source,
    @Schema(description = "The source's own reference; the same reference twice is one report", example = "PSB-2026-000123")
    @NotBlank @Size(max = 64) String sourceReference,
    @Schema(description = "When the source reported; default now", example = "2026-07-01T09:00:00Z") Instant reportedAt) {

  DeathReport toReport() {
    return new DeathReport(nationalIdNumber, name, dateOfDeath, timeOfDeath, source, sourceReference, reportedAt);
  }
}
