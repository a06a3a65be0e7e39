package gov.civilaffairs.veterans.roll.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.roll.PensionArrears;
import gov.civilaffairs.veterans.roll.PensionRoll;
import gov.civilaffairs.veterans.roll.PensionRolls;
import gov.civilaffairs.veterans.roll.RollLine;
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
 * Monthly pension rolls over REST. The roll is city-wide: the city administrator generates it and marks it
 * sent; county officers and auditors read it, a county officer only the lines of their county.
 */
@RestController
@Tag(name = "pension rolls", description = "抚恤补助金发放花名册: monthly pension rolls with arrears (补发)")
class PensionRollController {

  private final PensionRolls rolls;
  private final EntitledPersons persons;

  PensionRollController(PensionRolls rolls, EntitledPersons persons) {
    this.rolls = rolls;
    this.persons = persons;
  }

  @PostMapping("/pension-rolls")
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Generate the roll of a month (idempotent: returns the existing roll)",
      description = "Example body: {\"month\":\"2026-07\"} -> 201, Location /pension-rolls/2026-07, status DRAFT. "
          + "One MONTHLY line per payable pension, one ARREARS line per unpaid arrears entry; control "
          + "totals lineCount and totalAmount. 400 on invalid fields; 422 roll-month for a future month.")
  @Audited(action = AuditAction.CREATE, objectType = "pension-roll", objectId = "#result?.body?.id()")
  ResponseEntity<PensionRoll> generate(@Valid @RequestBody GenerateRollRequest request) {
    PensionRoll roll = rolls.generate(request.month());
    return ResponseEntity.created(URI.create("/pension-rolls/" + roll.month())).body(roll);
  }

  @GetMapping("/pension-rolls/{month}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'AUDITOR')")
  @Operation(summary = "Read a roll and its control totals",
      description = "Example: GET /pension-rolls/2026-07 -> {\"month\":\"2026-07\",\"status\":\"SENT\",\"lineCount\":"
          + "1250,\"totalAmount\":\"2186400.00\",...}. 404 if the month has no roll.")
  PensionRoll roll(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    return rolls.roll(month);
  }

  @GetMapping("/pension-rolls/{month}/lines")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'AUDITOR')")
  @Operation(summary = "A page of a roll's lines in the caller's area, ordered by id",
      description = "Example: GET /pension-rolls/2026-07/lines?offset=0&limit=100 -> MONTHLY and ARREARS lines of "
          + "persons in the caller's area (filtered in SQL). 404 if the month has no roll; 400 on an offset/limit out "
          + "of range.")
  @Audited(action = AuditAction.READ, objectType = "pension-roll-line")
  List<RollLine> lines(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      @RequestParam(defaultValue = "0") @Min(0) int offset,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, Caller caller) {
    return rolls.lines(month, caller.regionScope(), offset, limit);
  }

  @PostMapping("/pension-rolls/{month}/sent")
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Mark a roll sent to the bank; it never changes afterwards",
      description = "Example: POST /pension-rolls/2026-07/sent (no body) -> the roll, status SENT. "
          + "Idempotent for a sent roll; 404 if the month has no roll.")
  @Audited(action = AuditAction.UPDATE, objectType = "pension-roll", objectId = "#result?.id()")
  PensionRoll markSent(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    return rolls.markSent(month);
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}/pension-arrears")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "The person's pension arrears entries (补发) and the roll that pays each",
      description = "Example: GET /entitled-persons/330681195203150019/pension-arrears -> one entry per month paid "
          + "below a backdated standard, with the difference and the roll month that pays it. "
          + "404 if the person is not registered or lies outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "pension-arrears", person = "#nationalIdNumber")
  List<PensionArrears> arrears(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      Caller caller) {
    EntitledPerson person = persons.require(nationalIdNumber);
    if (!caller.regionScope().covers(person.regionCode())) {
      throw ProblemException.notFound("Entitled person", NationalIdNumber.parse(person.nationalIdNumber()));
    }
    return rolls.arrearsOf(person.id());
  }
}
