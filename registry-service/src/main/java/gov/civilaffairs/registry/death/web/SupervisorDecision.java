package gov.civilaffairs.registry.death.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A supervisor's decision on a death record (confirm, reject, revoke). TODO(lead): take the
 * supervisor from the authenticated principal once the gateway's security lands.
 *
 * @param reason required to reject or revoke; ignored when confirming
 */
record SupervisorDecision(
    @Schema(description = "Id of the supervisor deciding", example = "supervisor-0427") @NotBlank @Size(max = 64) String supervisor,
    @Schema(description = "Why (required to reject or revoke)", example = "The hospital certificate was issued for another person.")
    @Size(max = 500) String reason) {
}
