package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order to rectify a finding by a deadline (责令限期改正), with its follow-up checks.
 *
 * @param status OPEN until a follow-up finds it rectified, then RECTIFIED
 * @param overdue OPEN and today (Asia/Shanghai) is after the deadline
 */
public record RectificationOrder(
    @Schema(example = "3") long id,
    @Schema(example = "1") long institutionId,
    @Schema(example = "5") long inspectionId,
    @Schema(example = "9") long findingId,
    @Schema(example = "清理安全出口, 设置疏散指示标志") String requirement,
    @Schema(example = "2026-11-30") LocalDate deadline,
    @Schema(example = "OPEN") Status status,
    @Schema(example = "2026-11-20") LocalDate rectifiedOn,
    @Schema(example = "false") boolean overdue,
    List<FollowUp> followUps) {

  /** Where the order stands. */
  public enum Status {
    OPEN, RECTIFIED
  }

  /** A follow-up check (复查): whether the finding was rectified on that day. */
  public record FollowUp(
      @Schema(example = "2026-11-20") LocalDate checkedOn,
      @Schema(example = "true") boolean rectified,
      @Schema(example = "安全出口已清理") String note) {
  }
}
