package gov.civilaffairs.veterans.death.web;

import gov.civilaffairs.veterans.death.TaskOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How a caseworker completed a task: exactly what they may set; status and who follow from the call. */
@Schema(description = "办结: the outcome of a caseworker task")
record CompleteTaskRequest(
    @NotNull @Schema(description = "办理结果", example = "SURVIVOR_REGISTERED") TaskOutcome outcome,
    @Size(max = 18)
    @Schema(description = "遗属公民身份号码, with SURVIVOR_REGISTERED", example = "330681197805120026", nullable = true)
    String survivorNationalIdNumber,
    @Size(max = 500)
    @Schema(description = "说明; the reason, required with NOT_ELIGIBLE", example = "配偶已登记为病故军人遗属，享受定期抚恤金",
        nullable = true)
    String note) {
}
