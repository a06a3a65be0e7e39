package gov.civilaffairs.registry.death.web;

import java.net.URI;
import java.util.List;

import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.death.DeathRecordRepository;
import gov.civilaffairs.registry.death.DeathRegistry;
import gov.civilaffairs.registry.death.DeathSourcePolicy;
import gov.civilaffairs.registry.death.RegistrationOutcome;
import gov.civilaffairs.registry.person.PersonRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Death records (死亡登记): report, read with sources and history, review queue, confirm, reject, revoke. */
@RestController
@RequestMapping("/deaths")
@Tag(name = "Death records", description = "死亡登记: deaths reported by police, health, funeral homes, courts and caseworkers")
class DeathRecordController {

  /** A page of the review queue. */
  record HeldPage(long total, int page, int size, List<DeathRecordResponse> items) {
  }

  private final DeathRegistry registry;
  private final DeathRecordRepository records;
  private final DeathSourcePolicy sources;
  private final PersonRepository persons;

  DeathRecordController(DeathRegistry registry, DeathRecordRepository records, DeathSourcePolicy sources,
      PersonRepository persons) {
    this.registry = registry;
    this.records = records;
    this.sources = sources;
    this.persons = persons;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCOPE_deaths:write') or hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Report a death",
      description = "201 with outcome ACCEPTED (confirmed, or attached to the person's known death) or HELD_FOR_REVIEW; "
          + "200 with outcome DUPLICATE and the existing record when this source already sent this reference. "
          + "400 invalid ID number (with the reason) or field; 403 source-not-allowed when the source is not "
          + "one the caller may report (police HUKOU_CANCELLATION, hospital MEDICAL_CERTIFICATE, funeral home "
          + "CREMATION, staff CASEWORKER and COURT_DECLARATION; registry.death-sources); 403 region-outside-area "
          + "when a caseworker or county officer reports a person the index registers outside their area (the "
          + "death is reported where the person is registered; nothing is recorded); 422 death in the future or "
          + "before birth.")
  @Audited(action = AuditAction.CREATE, objectType = "death-record", person = "#request.nationalIdNumber()")
  ResponseEntity<RegistrationResponse> report(@Valid @RequestBody ReportDeathRequest request, Caller caller) {
    sources.require(caller, request.source());
    requirePersonInArea(request.nationalIdNumber(), caller);
    DeathRegistry.Registration registration = registry.register(request.toReport());
    DeathRecordResponse record = response(registration.deathRecordId());
    HttpStatus status = registration.outcome() == RegistrationOutcome.DUPLICATE ? HttpStatus.OK : HttpStatus.CREATED;
    return ResponseEntity.status(status).location(URI.create("/deaths/" + record.id()))
        .body(new RegistrationResponse(registration.outcome(), record));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read a death record with its sources and history",
      description = "Who reported it, who confirmed, rejected or revoked it, when and why. 404 also when the "
          + "deceased person's region (person index) lies outside the caller's area, and for a record of a person "
          + "not in the index unless the caller's role is city-wide.")
  @Audited(action = AuditAction.READ, objectType = "death-record", objectId = "#id")
  DeathRecordResponse read(@PathVariable long id, Caller caller) {
    requireInArea(id, caller);
    return response(id);
  }

  @GetMapping("/review-queue")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List death records held for review, oldest first",
      description = "Only the records within the caller's area (region of the deceased person in the index; "
          + "records of persons not in the index only for city-wide roles); total counts the same records.")
  @Audited(action = AuditAction.READ, objectType = "death-record")
  HeldPage reviewQueue(@RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, Caller caller) {
    RegionScope area = caller.regionScope();
    List<DeathRecordResponse> items = records.findHeld(area, size, (long) page * size).stream()
        .map(r -> DeathRecordResponse.of(r, records)).toList();
    return new HeldPage(records.countHeld(area), page, size, items);
  }

  @PostMapping("/{id}/confirmation")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "A supervisor confirms a held death record",
      description = "The person becomes DECEASED and one person-deceased event is published. 409 not-held, "
          + "person-not-indexed or already-deceased.")
  @Audited(action = AuditAction.UPDATE, objectType = "death-record", objectId = "#id")
  DeathRecordResponse confirm(@PathVariable long id, @Valid @RequestBody SupervisorDecision decision,
      Caller caller) {
    requireInArea(id, caller);
    registry.confirmBySupervisor(id, caller.id(), decision.reason());
    return response(id);
  }

  @PostMapping("/{id}/rejection")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "A supervisor rejects a held death record, with a reason", description = "409 not-held.")
  @Audited(action = AuditAction.UPDATE, objectType = "death-record", objectId = "#id")
  DeathRecordResponse reject(@PathVariable long id, @Valid @RequestBody SupervisorDecision decision,
      Caller caller) {
    requireInArea(id, caller);
    registry.reject(id, caller.id(), requireReason(decision));
    return response(id);
  }

  @PostMapping("/{id}/revocation")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Revoke a confirmed death that was wrong, with a reason",
      description = "The person is LIVING again and one death-record-revoked event is published; every service "
          + "restores what the death took away. 409 not-confirmed.")
  @Audited(action = AuditAction.UPDATE, objectType = "death-record", objectId = "#id")
  DeathRecordResponse revoke(@PathVariable long id, @Valid @RequestBody SupervisorDecision decision,
      Caller caller) {
    requireInArea(id, caller);
    registry.revoke(id, caller.id(), requireReason(decision));
    return response(id);
  }

  /**
   * 404 unless the record lies in the caller's area (docs/security.md, the region rule; OWASP API1):
   * the same answer as for a record that does not exist.
   */
  private void requireInArea(long id, Caller caller) {
    if (records.findByIdWithin(id, caller.regionScope()).isEmpty()) {
      throw ProblemException.notFound("Death record", id);
    }
  }

  /**
   * A local staff member reports deaths of persons registered in their own area only (issue 3: the caller's
   * region on every object changed): a person the index registers outside the area is 403
   * {@code region-outside-area}. A person not in the index passes (the record is held for review, and only
   * city-wide roles can read it); machine clients and city-wide roles report for the whole city.
   */
  private void requirePersonInArea(String nationalIdNumber, Caller caller) {
    RegionScope area = caller.regionScope();
    if (area.isEverything() || nationalIdNumber == null) {
      return;
    }
    persons.findByNationalIdNumber(nationalIdNumber.trim().toUpperCase(java.util.Locale.ROOT))
        .filter(person -> !area.covers(person.regionCode()))
        .ifPresent(person -> {
          throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
              "The person is registered outside your area; the death is reported where the person is registered.",
              java.util.Map.of("errors", List.of(java.util.Map.of("field", "nationalIdNumber", "rule",
                  "WithinCallerArea", "message", "the person must be registered within the caller's area"))));
        });
  }

  private DeathRecordResponse response(long id) {
    return records.findById(id).map(r -> DeathRecordResponse.of(r, records))
        .orElseThrow(() -> ProblemException.notFound("Death record", id));
  }

  private static String requireReason(SupervisorDecision decision) {
    if (decision.reason() == null || decision.reason().isBlank()) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed", "A reason is required.",
          java.util.Map.of("field", "reason"));
    }
    return decision.reason().strip();
  }
}
