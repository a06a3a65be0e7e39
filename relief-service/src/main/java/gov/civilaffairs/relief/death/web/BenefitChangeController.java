package gov.civilaffairs.relief.death.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.allowance.HouseholdService;
import gov.civilaffairs.relief.death.BenefitChange;
import gov.civilaffairs.relief.death.BenefitChanges;
import gov.civilaffairs.relief.death.ChangeType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Why a benefit changed: each change with the death record and event that caused it. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Tag(name = "Benefit changes", description = "死亡比对引起的待遇变更")
class BenefitChangeController {

  /** A change, the person's ID number masked. */
  record BenefitChangeResponse(long householdId, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      long deathRecordId, UUID eventId, ChangeType type, String detail, Instant recordedAt) {

    static BenefitChangeResponse of(BenefitChange c) {
      return new BenefitChangeResponse(c.householdId(), c.nationalIdNumber(), c.deathRecordId(), c.eventId(),
          c.type(), c.detail(), c.recordedAt());
    }
  }

  private final BenefitChanges changes;
  private final HouseholdService households;

  BenefitChangeController(BenefitChanges changes, HouseholdService households) {
    this.changes = changes;
    this.households = households;
  }

  @GetMapping("/households/{id}/changes")
  @Operation(summary = "Changes death records made to a household's allowance, oldest first",
      description = "Example: GET /households/7/changes -> [{\"householdId\":7,\"deathRecordId\":41,\"type\":"
          + "\"AMOUNT_RECOMPUTED\",\"detail\":\"from 2026-08: 1880.00 -> 940.00 yuan for 1 member(s)\"}]. ID numbers "
          + "masked per role. 404 also when the household is outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "household-benefit-change", objectId = "#id")
  List<BenefitChangeResponse> ofHousehold(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    households.household(id, caller.regionScope());
    return changes.ofHousehold(id).stream().map(BenefitChangeResponse::of).toList();
  }

  @GetMapping("/persons/{nationalIdNumber}/benefit-changes")
  @Operation(summary = "Changes to the allowance of the person's household, oldest first",
      description = "Example: GET /persons/330681195001010017/benefit-changes -> [{\"householdId\":7,\"deathRecordId\":"
          + "41,\"type\":\"MEMBER_DECEASED\",\"detail\":\"member died on 2026-07-15; last month paid 2026-07\"}]. Only "
          + "changes of households within the caller's area; none: an empty list. 400 invalid ID number (GB 11643-1999).")
  @Audited(action = AuditAction.READ, objectType = "household-benefit-change", person = "#nationalIdNumber")
  List<BenefitChangeResponse> ofPerson(
      @Parameter(example = "330681195001010017") @PathVariable @ValidNationalIdNumber String nationalIdNumber,
      Caller caller) {
    return changes.ofPerson(NationalIdNumber.parse(nationalIdNumber).value()).stream()
        .filter(change -> caller.regionScope().covers(households.household(change.householdId()).regionCode()))
        .map(BenefitChangeResponse::of).toList();
  }
}
