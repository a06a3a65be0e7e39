package gov.civilaffairs.veterans.standard.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.standard.PensionStandard;
import gov.civilaffairs.veterans.standard.PensionStandards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pension standards over REST: the city administrator publishes them (they apply city-wide), staff and
 * auditors read them. Errors are problem+json.
 */
@RestController
@Tag(name = "pension standards", description = "抚恤补助标准: national standard plus local supplement per category and year")
class PensionStandardController {

  private final PensionStandards standards;

  PensionStandardController(PensionStandards standards) {
    this.standards = standards;
  }

  @PostMapping("/pension-standards")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Publish a pension standard; recomputes the pensions of its scale from the effective month",
      description = "Example body: {\"category\":\"MARTYR_SURVIVOR\",\"effectiveFrom\":\"2026-01\",\"nationalAmount\":"
          + "\"2210.00\",\"localSupplement\":\"150.00\",\"nationalSource\":\"退役军人部发〔2026〕12号\","
          + "\"localSource\":\"诸暨市退役军人事务局〔2026〕5号\",\"publishedOn\":\"2026-07-10\"}. "
          + "Months already paid at a lower amount get arrears entries, paid by the next pension roll. "
          + "400 on invalid fields; 409 pension-standard-exists; 422 disability-details, published-on or effective-from.")
  @Audited(action = AuditAction.CREATE, objectType = "pension-standard", objectId = "#result?.id()")
  PensionStandard publish(@Valid @RequestBody PublishPensionStandardRequest request) {
    return standards.publish(request.toNewPensionStandard());
  }

  @GetMapping("/pension-standards")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List pension standards, ordered by effective month, optionally of one category",
      description = "Example: GET /pension-standards?category=MARTYR_SURVIVOR -> each standard with its effective "
          + "month, national amount, local supplement and documents. 400 on an unknown category.")
  List<PensionStandard> list(
      @Parameter(example = "MARTYR_SURVIVOR") @RequestParam(required = false) EntitledCategory category) {
    return standards.list(category);
  }
}
