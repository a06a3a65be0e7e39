package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order to a private institution to re-register (重新备案), tracked until it does.
 *
 * @param status OPEN until the institution re-registers, then DONE
 * @param overdue OPEN and the deadline has passed (today, Asia/Shanghai, is after it)
 */
public record ReRegistrationOrder(
    @Schema(example = "4") long id,
    @Schema(example = "2026-09-01") LocalDate orderedOn,
    @Schema(example = "法定代表人变更") String reason,
    @Schema(example = "2026-10-31") LocalDate deadline,
    @Schema(example = "OPEN") String status,
    @Schema(example = "2026-10-20") LocalDate reRegisteredOn,
    @Schema(example = "33068120260007") String newFilingNumber,
    @Schema(example = "false") boolean overdue) {

  /** The stored row. */
  record Row(long id, long institutionId, LocalDate orderedOn, String reason, LocalDate deadline, String status,
      LocalDate reRegisteredOn, String newFilingNumber) {

    ReRegistrationOrder as(LocalDate today) {
      return new ReRegistrationOrder(id, orderedOn, reason, deadline, status, reRegisteredOn, newFilingNumber,
          "OPEN".equals(status) && today.isAfter(deadline));
    }
  }
}
