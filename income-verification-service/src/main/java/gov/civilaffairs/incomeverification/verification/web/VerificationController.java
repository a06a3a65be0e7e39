package gov.civilaffairs.incomeverification.verification.web;

import java.net.URI;

import jakarta.validation.Valid;

import gov.civilaffairs.incomeverification.verification.Verification;
import gov.civilaffairs.incomeverification.verification.VerificationService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Household economic verification requests (家庭经济状况核对). Errors are problem+json: 400
 * {@code validation-failed} (field errors) or {@code department-rejected-query}, 404, 409
 * {@code verification-pending}, 422 {@code consent-*} (see {@link VerificationService#submit}).
 */
@RestController
class VerificationController {

  private final VerificationService verifications;

  VerificationController(VerificationService verifications) {
    this.verifications = verifications;
  }

  /**
   * Verifies a household with every department; answers when all have answered or at the deadline.
   *
   * @return 201 with the request, the departments' outcomes and the report; {@code Location} of the request
   */
  @PostMapping("/verification-requests")
  ResponseEntity<Verification> submit(@RequestBody @Valid VerificationRequestBody body) {
    Verification verification = verifications.submit(body.toCommand());
    return ResponseEntity.created(URI.create("/verification-requests/" + verification.request().id()))
        .body(verification);
  }

  /** The request, the departments' latest outcomes (the household's list of queries) and the report. */
  @GetMapping("/verification-requests/{id}")
  Verification find(@PathVariable long id) {
    return verifications.find(id);
  }
}
