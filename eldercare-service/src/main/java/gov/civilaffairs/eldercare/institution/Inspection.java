package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An inspection (监督检查) of a care institution with its findings.
 *
 * @param result PASSED without findings, FINDINGS otherwise
 * @param findings what the inspectors found, each with its rectification order if one was given
 */
public record Inspection(
    @Schema(example = "5") long id,
    @Schema(example = "1") long institutionId,
    @Schema(example = "2026-11-02") LocalDate inspectedOn,
    @Schema(example = "诸暨市民政局 养老服务科") String inspector,
    @Schema(example = "FINDINGS") Result result,
    List<Finding> findings) {

  /** The outcome of an inspection. */
  public enum Result {
    PASSED, FINDINGS
  }

  /**
   * A finding.
   *
   * @param item the inspected item, for example {@code 消防安全}
   * @param rectificationOrderId the order given for it, {@code null} for none
   */
  public record Finding(
      @Schema(example = "9") long id,
      @Schema(example = "消防安全") String item,
      @Schema(example = "二楼安全出口堵塞") String description,
      @Schema(example = "3") Long rectificationOrderId) {
  }
}
