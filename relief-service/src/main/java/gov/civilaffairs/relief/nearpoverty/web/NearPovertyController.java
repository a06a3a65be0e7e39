package gov.civilaffairs.relief.nearpoverty.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.nearpoverty.NearPovertyHousehold;
import gov.civilaffairs.relief.nearpoverty.NearPovertyRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The near-poverty register (低保边缘家庭), read-only: entries come from verified allowance applications. */
@RestController
@RequestMapping("/near-poverty-households")
@Tag(name = "Near-poverty households", description = "低保边缘家庭 (低收入人口)")
class NearPovertyController {

  private final NearPovertyRegister register;

  NearPovertyController(NearPovertyRegister register) {
    this.register = register;
  }

  /** A household with ID numbers masked per role. */
  record HouseholdView(long id, String regionCode, Area area, long applicationId, long verificationRequestId,
      LocalDate determinedOn, BigDecimal householdMonthlyIncome, Integer livingMembers, String rule,
      String explanation, List<MemberView> members) {

    record MemberView(@Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, Relation relation) {
    }

    static HouseholdView of(NearPovertyHousehold h) {
      return new HouseholdView(h.id(), h.regionCode(), h.area(), h.applicationId(), h.verificationRequestId(),
          h.determinedOn(), h.householdMonthlyIncome(), h.livingMembers(), h.rule(), h.explanation(),
          h.members().stream().map(m -> new MemberView(m.nationalIdNumber(), m.name(), m.relation())).toList());
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read a near-poverty household",
      description = "Example: GET /near-poverty-households/2. 404 when it does not exist or lies outside the area.")
  @Audited(action = AuditAction.READ, objectType = "near-poverty-household", objectId = "#id")
  HouseholdView find(@Parameter(example = "2") @PathVariable long id, Caller caller) {
    return HouseholdView.of(register.find(id, caller.regionScope()));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List the near-poverty households within the caller's area, ordered by id",
      description = "Example: GET /near-poverty-households?page=0&size=20.")
  @Audited(action = AuditAction.READ, objectType = "near-poverty-household")
  List<HouseholdView> list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return register.list(caller.regionScope(), page, size).stream().map(HouseholdView::of).toList();
  }
}
