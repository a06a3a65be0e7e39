package gov.civilaffairs.relief.review.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.review.HouseholdChange;
import gov.civilaffairs.relief.review.ReviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Periodic review (动态管理) and member changes of allowance households. Every household is area-checked (404). */
@RestController
@Tag(name = "Periodic review", description = "动态管理: 定期复核, 增发/减发/停发, 家庭成员变化")
class ReviewController {

  private final ReviewService service;
  private final BureauClock clock;

  ReviewController(ReviewService service, BureauClock clock) {
    this.service = service;
    this.clock = clock;
  }

  /** A periodic review: what the reviewer may set; outcome and amounts are computed. */
  record ReviewRequest(
      @Schema(description = "day of the review visit", example = "2026-09-15") @NotNull LocalDate reviewedOn,
      @Schema(description = "re-assessed household monthly income, yuan", example = "450.00")
      @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal monthlyIncome,
      @Schema(example = "户主仍无劳动能力，收入来源为零工。") @Size(max = 2000) String findings,
      @Schema(description = "stop whatever the income (e.g. the household refused the review); needs findings", example = "false")
      Boolean stop) {
  }

  /** A member change: a birth or marriage adds a member, a move removes one. */
  record MemberChangeRequest(
      @Schema(example = "BIRTH") @NotNull HouseholdChange.Kind kind,
      @Schema(example = "330681202609010026") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(description = "for BIRTH and MARRIAGE_IN", example = "陈小雨") @Size(max = 100) String name,
      @Schema(description = "for BIRTH and MARRIAGE_IN; default CHILD or SPOUSE", example = "CHILD") Relation relation,
      @Schema(description = "day of the birth, marriage or move", example = "2026-09-01") @NotNull LocalDate changedOn,
      @Schema(description = "household monthly income after the change, yuan; omit to keep it", example = "300.00")
      @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal monthlyIncome,
      @Schema(description = "what the caseworker saw or was shown", example = "已核验出生医学证明，新生儿随母落户本户。")
      @Size(max = 2000) String findings) {
  }

  /** A change with the member's ID number masked per role. */
  record ChangeView(long id, long householdId, HouseholdChange.Kind kind, LocalDate recordedOn, LocalDate changedOn,
      YearMonth fromMonth, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String memberName,
      BigDecimal monthlyIncomeBefore, BigDecimal monthlyIncomeAfter, int membersBefore, int membersAfter,
      BigDecimal amountBefore, BigDecimal amountAfter, HouseholdChange.Outcome outcome, String findings, String actor) {

    static ChangeView of(HouseholdChange c) {
      return new ChangeView(c.id(), c.householdId(), c.kind(), c.recordedOn(), c.changedOn(), c.fromMonth(),
          c.nationalIdNumber(), c.memberName(), c.monthlyIncomeBefore(), c.monthlyIncomeAfter(), c.membersBefore(),
          c.membersAfter(), c.amountBefore(), c.amountAfter(), c.outcome(), c.findings(), c.actor());
    }
  }

  /** The schedule and the history of a household. */
  record ReviewsView(ReviewService.Schedule schedule, List<ChangeView> changes) {
  }

  @GetMapping("/households/{id}/reviews")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "A household's review schedule, reviews and member changes",
      description = "Example: GET /households/7/reviews -> {\"schedule\":{\"cycle\":\"YEARLY\",\"dueMonth\":\"2027-09\"},"
          + "\"changes\":[{\"kind\":\"PERIODIC_REVIEW\",\"outcome\":\"RAISE\",\"fromMonth\":\"2026-10\"}]}. 404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "household", objectId = "#id")
  ReviewsView reviews(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    return new ReviewsView(service.schedule(id, caller.regionScope()),
        service.changes(id, caller.regionScope()).stream().map(ChangeView::of).toList());
  }

  @PostMapping("/households/{id}/reviews")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record a periodic review (定期复核): raise, reduce or stop from next month",
      description = "Example body: {\"reviewedOn\":\"2026-09-15\",\"monthlyIncome\":\"450.00\",\"findings\":\"...\"}. "
          + "The amount from the month after today is recomputed (difference method); a household no longer under "
          + "the standard, or stop=true, is stopped after this month. 201 with outcome RAISE, REDUCE, STOP or "
          + "UNCHANGED. 404 outside the area; 409 allowance-not-active; 422 date-in-future, findings-required.")
  @Audited(action = AuditAction.UPDATE, objectType = "household", objectId = "#id")
  ResponseEntity<ChangeView> review(@Parameter(example = "7") @PathVariable long id, Caller caller,
      @Valid @RequestBody ReviewRequest request) {
    HouseholdChange change = service.review(id, caller, request.reviewedOn(), request.monthlyIncome(),
        request.findings(), Boolean.TRUE.equals(request.stop()));
    return ResponseEntity.created(URI.create("/households/" + id + "/reviews")).body(ChangeView.of(change));
  }

  @PostMapping("/households/{id}/member-changes")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record a birth, a marriage or a move out; the amount is recomputed from next month",
      description = "Example body: {\"kind\":\"BIRTH\",\"nationalIdNumber\":\"330681202609010026\",\"name\":\"陈小雨\","
          + "\"changedOn\":\"2026-09-01\"}. A member who joins is checked in registry-service's person index (422 "
          + "person-not-enrollable, 503 registry-unavailable) and must belong to no household (409 "
          + "already-in-household). 404 outside the area; 409 allowance-not-active; 422 date-in-future, "
          + "birth-date-mismatch, not-a-living-member, head-cannot-leave, name-required.")
  @Audited(action = AuditAction.UPDATE, objectType = "household", objectId = "#id", person = "#request.nationalIdNumber")
  ResponseEntity<ChangeView> memberChange(@Parameter(example = "7") @PathVariable long id, Caller caller,
      @Valid @RequestBody MemberChangeRequest request) {
    HouseholdChange change = service.memberChange(id, caller, request.kind(),
        NationalIdNumber.parse(request.nationalIdNumber()), request.name(), request.relation(), request.changedOn(),
        request.monthlyIncome(), request.findings());
    return ResponseEntity.created(URI.create("/households/" + id + "/reviews")).body(ChangeView.of(change));
  }

  @GetMapping("/periodic-reviews/due")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Households whose periodic review is due by a month, within the caller's area",
      description = "Half-yearly for households with a member of working age, else yearly (relief.review.*). "
          + "Example: GET /periodic-reviews/due?month=2026-09 -> [{\"householdId\":7,\"regionCode\":\"330681001001\","
          + "\"cycle\":\"HALF_YEARLY\",\"dueMonth\":\"2026-03\"}]")
  @Audited(action = AuditAction.READ, objectType = "household")
  List<ReviewService.Schedule> due(Caller caller,
      @Parameter(example = "2026-09") @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    return service.due(caller.regionScope(), month == null ? clock.currentMonth() : month);
  }
}
