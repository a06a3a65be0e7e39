package gov.civilaffairs.relief.payment.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.allowance.HouseholdService;
import gov.civilaffairs.relief.payment.Arrears;
import gov.civilaffairs.relief.payment.MonthlyRolls;
import gov.civilaffairs.relief.payment.OverpaymentClaim;
import gov.civilaffairs.relief.payment.PaymentRoll;
import gov.civilaffairs.relief.payment.PaymentRollService;
import gov.civilaffairs.relief.payment.RollLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly payment rolls, one per scheme, township and month (generate, read, mark sent), and the money
 * corrections of each household. A roll is within a caller's area when its township is (else 404); month views
 * list only the rolls and lines within the area.
 */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Tag(name = "Payment rolls", description = "发放花名册: one roll per scheme, township and month")
class PaymentRollController {

  private static final String MONTH = "{month:\\d\\d\\d\\d-\\d\\d}";
  private static final String ID = "{id:\\d+}";

  private final PaymentRollService service;
  private final HouseholdService households;

  PaymentRollController(PaymentRollService service, HouseholdService households) {
    this.service = service;
    this.households = households;
  }

  @PostMapping("/payment-rolls")
  @Operation(summary = "Generate a month's rolls of a scheme, one per township",
      description = "Example body: {\"month\":\"2026-07\",\"scheme\":\"MINIMUM_LIVING_ALLOWANCE\"}. One roll per township "
          + "within the caller's area with a payment that month: a MONTHLY line per entitlement (household, village, "
          + "amount, the decision that set it) and an ARREARS line per arrears entry not yet paid. Idempotent per roll: "
          + "an existing roll is returned as it is. Answers the month's rolls of the scheme in the area with summed "
          + "control totals. 400 bad month; 422 unknown-scheme.")
  @Audited(action = AuditAction.CREATE, objectType = "payment-roll", objectId = "#request.month")
  ResponseEntity<MonthlyRolls> generate(@Valid @RequestBody GenerateRollRequest request, Caller caller) {
    MonthlyRolls rolls = service.generate(request.scheme(), request.month(), caller.regionScope());
    return ResponseEntity.created(URI.create("/payment-rolls/" + rolls.month() + "?scheme=" + request.scheme()))
        .body(rolls);
  }

  @GetMapping("/payment-rolls/" + MONTH)
  @Operation(summary = "A month's rolls within the caller's area, with summed control totals",
      description = "Example: GET /payment-rolls/2026-07?scheme=MINIMUM_LIVING_ALLOWANCE (scheme optional: all "
          + "schemes). 400 bad month.")
  MonthlyRolls month(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      @Parameter(example = "MINIMUM_LIVING_ALLOWANCE") @RequestParam(required = false) String scheme, Caller caller) {
    return service.monthlyRolls(month, scheme, caller.regionScope());
  }

  @GetMapping("/payment-rolls/" + MONTH + "/lines")
  @Operation(summary = "A page of the lines of a month's rolls within the caller's area, ordered by id",
      description = "Example: GET /payment-rolls/2026-07/lines?scheme=MINIMUM_LIVING_ALLOWANCE&page=0&size=100.")
  @Audited(action = AuditAction.READ, objectType = "payment-roll", objectId = "#month")
  List<RollLine> monthLines(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      @RequestParam(required = false) String scheme, Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return service.lines(month, scheme, caller.regionScope(), page, size);
  }

  @PostMapping("/payment-rolls/" + MONTH + "/sent")
  @Operation(summary = "Mark a month's rolls within the caller's area sent to the bank",
      description = "Example: POST /payment-rolls/2026-07/sent?scheme=MINIMUM_LIVING_ALLOWANCE. Sent rolls never change; "
          + "rolls already sent keep their sentAt.")
  @Audited(action = AuditAction.UPDATE, objectType = "payment-roll", objectId = "#month")
  MonthlyRolls markMonthSent(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      @RequestParam(required = false) String scheme, Caller caller) {
    return service.markSent(month, scheme, caller.regionScope());
  }

  @GetMapping("/payment-rolls/" + ID)
  @Operation(summary = "Read one roll (scheme, township, month) and its control totals",
      description = "Example: GET /payment-rolls/12. 404 if its township is outside the caller's area.")
  PaymentRoll roll(@Parameter(example = "12") @PathVariable long id, Caller caller) {
    return service.roll(id, caller.regionScope());
  }

  @GetMapping("/payment-rolls/" + ID + "/lines")
  @Operation(summary = "A page of one roll's lines, ordered by id",
      description = "Example: GET /payment-rolls/12/lines?page=0&size=100. Each line names its beneficiary, village, "
          + "kind, month paid for, amount and decision. 404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "payment-roll", objectId = "#id")
  List<RollLine> lines(@Parameter(example = "12") @PathVariable long id, Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return service.lines(id, caller.regionScope(), page, size);
  }

  @PostMapping("/payment-rolls/" + ID + "/sent")
  @Operation(summary = "Mark one roll sent to the bank; it never changes afterwards",
      description = "Example: POST /payment-rolls/12/sent. Again on a sent roll: unchanged. 404 outside the area.")
  @Audited(action = AuditAction.UPDATE, objectType = "payment-roll", objectId = "#id")
  PaymentRoll markSent(@Parameter(example = "12") @PathVariable long id, Caller caller) {
    return service.markSent(id, caller.regionScope());
  }

  @GetMapping("/households/{id}/overpayment-claims")
  @Operation(summary = "A household's overpayment claims (OPEN or WITHDRAWN)",
      description = "Example: GET /households/7/overpayment-claims -> [{\"id\":3,\"householdId\":7,\"deathRecordId\":41,"
          + "\"fromMonth\":\"2026-08\",\"toMonth\":\"2026-09\",\"months\":2,\"amount\":1880.00,\"status\":\"OPEN\"}]. "
          + "404 when the household does not exist or lies outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "household", objectId = "#id")
  List<OverpaymentClaim> claims(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    households.household(id, caller.regionScope());
    return service.claims(id);
  }

  @GetMapping("/households/{id}/arrears")
  @Operation(summary = "A household's arrears entries; rollId is the roll that pays each",
      description = "Example: GET /households/7/arrears -> [{\"id\":5,\"householdId\":7,\"forMonth\":\"2026-08\","
          + "\"amount\":940.00,\"deathRecordId\":41,\"rollId\":null,\"allowanceStandardId\":null}]. 404 when the "
          + "household does not exist or lies outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "household", objectId = "#id")
  List<Arrears> arrears(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    households.household(id, caller.regionScope());
    return service.arrears(id);
  }
}
