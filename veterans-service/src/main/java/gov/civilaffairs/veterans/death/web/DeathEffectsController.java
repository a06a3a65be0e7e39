package gov.civilaffairs.veterans.death.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.veterans.death.BenefitChange;
import gov.civilaffairs.veterans.death.CaseworkerTask;
import gov.civilaffairs.veterans.death.DeathEffects;
import gov.civilaffairs.veterans.death.Grant;
import gov.civilaffairs.veterans.person.EntitledPersons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What deaths did to entitled persons' benefits, over REST: "why was this benefit stopped?" (every change
 * with its death record and event), the grants and their payment, and the caseworker tasks. Staff see and
 * change only what concerns persons registered in their area (issue 3): anything else answers 404 or is not
 * listed.
 */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Tag(name = "death effects", description = "死亡停发: benefit changes, grants (丧葬补助费, 一次性抚恤金, 补发), caseworker tasks")
class DeathEffectsController {

  private final EntitledPersons persons;
  private final DeathEffects effects;

  DeathEffectsController(EntitledPersons persons, DeathEffects effects) {
    this.persons = persons;
    this.effects = effects;
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}/benefit-changes")
  @Operation(summary = "Every change to the person's benefits, with the death record and event that caused it",
      description = "Example: GET /entitled-persons/330681195203150019/benefit-changes -> e.g. the pension stopped "
          + "after the month of death, naming the death record and its event. "
          + "404 if the person is not registered or lies outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "benefit-change", person = "#nationalIdNumber")
  List<BenefitChange> changes(
      @Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber, Caller caller) {
    return effects.changesOf(persons.requireInArea(nationalIdNumber, caller.regionScope()).id());
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}/grants")
  @Operation(summary = "The person's grants: funeral subsidy, one-off pension, pension arrears, with status",
      description = "Example: GET /entitled-persons/330681195203150019/grants -> [{\"id\":17,\"kind\":"
          + "\"FUNERAL_SUBSIDY\",\"status\":\"DUE\",...}]. "
          + "404 if the person is not registered or lies outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "grant", person = "#nationalIdNumber")
  List<Grant> grants(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      Caller caller) {
    return effects.grantsOf(persons.requireInArea(nationalIdNumber, caller.regionScope()).id());
  }

  @PostMapping("/grants/{id}/payment")
  @Operation(summary = "Record that a grant was paid",
      description = "Example: POST /grants/17/payment (no body) -> the grant, status PAID. "
          + "Idempotent for a paid grant; 404 if none in the caller's area; 409 grant-not-payable if "
          + "withdrawn or a recovery claim.")
  @Audited(action = AuditAction.UPDATE, objectType = "grant", objectId = "#id", person = "#result?.entitledPersonId()")
  Grant markPaid(@Parameter(example = "17") @PathVariable long id, Caller caller) {
    return effects.markPaid(id, caller.regionScope());
  }

  @GetMapping("/caseworker-tasks")
  @Operation(summary = "Caseworker tasks opened by deaths, e.g. SURVIVOR_PENSION_REVIEW, ordered by id",
      description = "Example: GET /caseworker-tasks?status=OPEN&offset=0&limit=50. "
          + "Only tasks of persons in the caller's area (filtered in SQL). 400 on a status other than "
          + "OPEN, COMPLETED or CLOSED or an offset/limit out of range.")
  @Audited(action = AuditAction.READ, objectType = "caseworker-task")
  List<CaseworkerTask> tasks(
      @Parameter(example = "OPEN") @RequestParam(required = false) @Pattern(regexp = "OPEN|COMPLETED|CLOSED")
      String status,
      @RequestParam(defaultValue = "0") @Min(0) int offset,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Caller caller) {
    return effects.tasks(status, caller.regionScope(), offset, limit);
  }

  @PostMapping("/caseworker-tasks/{id}/completion")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Complete a caseworker task with its outcome, e.g. the survivor registered for a periodic pension",
      description = "Example: POST /caseworker-tasks/5/completion with {\"outcome\":\"SURVIVOR_REGISTERED\","
          + "\"survivorNationalIdNumber\":\"330681197805120026\"}. SURVIVOR_REGISTERED names the survivor, "
          + "registered first as an entitled person of a survivor category; NOT_ELIGIBLE needs a note; "
          + "SURVIVOR_PENSION_WITHDRAWN completes a withdrawal review. "
          + "Idempotent for the same outcome. 400 on invalid fields; 404 if none in the caller's area; 409 "
          + "task-not-open; 422 task-outcome, survivor-required, survivor-not-registered, survivor-category or "
          + "note-required.")
  @Audited(action = AuditAction.UPDATE, objectType = "caseworker-task", objectId = "#id",
      person = "#result?.entitledPersonId()")
  CaseworkerTask complete(@Parameter(example = "5") @PathVariable long id,
      @Valid @RequestBody CompleteTaskRequest request, Caller caller) {
    return effects.completeTask(id, request.outcome(), request.survivorNationalIdNumber(), request.note(),
        caller.regionScope(), caller.id());
  }
}
