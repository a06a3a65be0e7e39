package gov.civilaffairs.relief.nearpoverty.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.nearpoverty.LowIncomePopulation;
import gov.civilaffairs.relief.nearpoverty.LowIncomePopulation.Category;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The low-income population register (低收入人口), read-only: who the bureau supports or monitors, by category. */
@RestController
@Tag(name = "Low-income population", description = "低收入人口: 低保对象, 特困人员, 低保边缘家庭成员")
class LowIncomePopulationController {

  private final LowIncomePopulation register;

  LowIncomePopulationController(LowIncomePopulation register) {
    this.register = register;
  }

  /** A person of the register, the ID number masked per role. */
  record PersonView(@Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, String regionCode,
      Category category, long recordId) {

    static PersonView of(LowIncomePopulation.Person p) {
      return new PersonView(p.nationalIdNumber(), p.name(), p.regionCode(), p.category(), p.recordId());
    }
  }

  @GetMapping("/low-income-population")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List the low-income population within the caller's area",
      description = "Members of households with an ACTIVE minimum living allowance (MINIMUM_LIVING_ALLOWANCE), "
          + "SUPPORTED extreme-poverty persons (EXTREME_POVERTY_SUPPORT) and members of near-poverty households "
          + "(NEAR_POVERTY), read from the schemes' own records; a person in two categories appears once per "
          + "category; ordered by category, region, ID number. recordId is the household, 特困 case or near-poverty "
          + "household. 民政部等《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》(2023). Example: "
          + "GET /low-income-population?category=EXTREME_POVERTY_SUPPORT&page=0&size=50 -> [{\"nationalIdNumber\":"
          + "\"330681********0017\",\"name\":\"王秀英\",\"regionCode\":\"330681001001\",\"category\":"
          + "\"EXTREME_POVERTY_SUPPORT\",\"recordId\":4}]. 400 for an unknown category or a size outside 1-500.")
  @Audited(action = AuditAction.READ, objectType = "low-income-person")
  List<PersonView> list(Caller caller,
      @Parameter(example = "EXTREME_POVERTY_SUPPORT") @RequestParam(required = false) Category category,
      @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(example = "50") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return register.list(caller.regionScope(), category, page, size).stream().map(PersonView::of).toList();
  }
}
