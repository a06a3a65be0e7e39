package gov.civilaffairs.registry.death.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A supervisor's decision on a death record (confirm, reject, revoke). Who decides is the
 * authenticated caller (the token's {@code sub}), never a value of the body.
 *
 * @param reason required to reject or revoke; ignored when confirming
 */
record SupervisorDecision(
    @Schema(description = "Why (required to reject or revoke)", example = "The hospital certificate was issued for another person.")
    @Size(max = 500) String reason) {
}
