package gov.civilaffairs.relief.disaster.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.disaster.DisasterEvent;
import gov.civilaffairs.relief.disaster.DisasterEventService;
import gov.civilaffairs.relief.disaster.ReliefDistribution;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disaster events (自然灾害), their reports (初报, 续报, 核报; 《自然灾害情况统计调查制度》) and relief given per recipient
 * (《自然灾害救助条例》 国务院令第577号). Area-checked: events outside the caller's area are 404, lists filtered in SQL.
 */
@RestController
@Tag(name = "Disaster relief", description = "灾害救助: 灾害信息员, 避灾安置场所, 灾情报告, 救灾款物发放")
class DisasterEventController {

  private final DisasterEventService events;

  DisasterEventController(DisasterEventService events) {
    this.events = events;
  }

  /** A new event: what the caseworker may set; status and deadlines are computed. */
  record NewEventRequest(
      @Schema(description = "GB/T 2260 code of the affected county (6), township (9) or village (12 digits)",
          example = "330681001") @NotNull @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}",
          message = "must be 6, 9 or 12 digits") String regionCode,
      @Schema(example = "TYPHOON") @NotNull DisasterEvent.Kind kind,
      @Schema(example = "2026年第12号台风\"梅花\"暨阳街道受灾") @NotBlank @Size(max = 200) String title,
      @Schema(description = "ISO-8601 with offset", example = "2026-09-14T20:30:00+08:00") @NotNull
      OffsetDateTime occurredAt) {
  }

  /** A report's figures (cumulative for the event); the time received is the server's. */
  record ReportRequest(
      @Schema(example = "INITIAL") @NotNull DisasterEvent.ReportType type,
      @Schema(description = "受灾人口, persons", example = "1200") @NotNull @Min(0) Integer affectedPersons,
      @Schema(description = "紧急转移安置人口, persons (part of affectedPersons)", example = "300") @NotNull @Min(0)
      Integer relocatedPersons,
      @Schema(description = "死亡人口, persons", example = "0") @NotNull @Min(0) Integer deaths,
      @Schema(description = "倒塌和损坏房屋, rooms", example = "15") @NotNull @Min(0) Integer damagedHouses,
      @Schema(description = "直接经济损失, yuan", example = "3500000.00") @NotNull @DecimalMin("0.00")
      @Digits(integer = 12, fraction = 2) BigDecimal directEconomicLoss,
      @Schema(description = "final report only: the day the disaster stabilised", example = "2026-09-18")
      LocalDate stabilisedOn,
      @Schema(example = "农田受淹，部分房屋进水。") @Size(max = 2000) String remarks) {
  }

  /** One recipient's relief. */
  record DistributionRequest(
      @Schema(description = "the recipient's 12-digit village code", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String regionCode,
      @Schema(description = "HOUSEHOLD (number of the head) or PERSON", example = "HOUSEHOLD")
      @NotNull @Pattern(regexp = "HOUSEHOLD|PERSON") String recipientKind,
      @Schema(example = "330681197001010032") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "陈建国") @NotBlank @Size(max = 100) String name,
      @Schema(example = "应急生活救助金") @NotBlank @Size(max = 100) String item,
      @Schema(example = "MONEY") @NotNull @Pattern(regexp = "MONEY|GOODS") String kind,
      @Schema(description = "yuan, money only", example = "1000.00") @DecimalMin("0.01")
      @Digits(integer = 12, fraction = 2) BigDecimal amount,
      @Schema(description = "goods only", example = "2") @Min(1) @Max(100000) Integer quantity,
      @Schema(description = "goods only, e.g. 床, 袋, 箱", example = "床") @Size(min = 1, max = 10) String unit,
      @Schema(example = "2026-09-16") @NotNull LocalDate distributedOn) {
  }

  /** A distribution with the ID number masked per role. */
  record DistributionView(long id, long eventId, String regionCode, String recipientKind,
      @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, String item, String kind,
      BigDecimal amount, Integer quantity, String unit, LocalDate distributedOn) {

    static DistributionView of(ReliefDistribution d) {
      return new DistributionView(d.id(), d.eventId(), d.regionCode(), d.recipientKind(), d.nationalIdNumber(),
          d.name(), d.item(), d.kind(), d.amount(), d.quantity(), d.unit(), d.distributedOn());
    }
  }

  @PostMapping("/disaster-events")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Open a disaster event",
      description = "Example body: {\"regionCode\":\"330681001\",\"kind\":\"TYPHOON\",\"title\":\"台风梅花暨阳街道受灾\","
          + "\"occurredAt\":\"2026-09-14T20:30:00+08:00\"}. 201 with status OPEN and nextReportDueAt (the initial report, "
          + "relief.disaster.initial-report-hours after occurredAt). 400 validation; 403 region-outside-area; 422 "
          + "unknown-region, date-in-future.")
  ResponseEntity<DisasterEvent> open(@Valid @RequestBody NewEventRequest request, Caller caller) {
    DisasterPreparednessController.requireInArea(caller, request.regionCode());
    DisasterEvent event = events.open(request.regionCode(), request.kind(), request.title().strip(),
        request.occurredAt().toInstant(), caller.id());
    return ResponseEntity.created(URI.create("/disaster-events/" + event.id())).body(event);
  }

  @PostMapping("/disaster-events/{id}/reports")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Add an initial, follow-up or final report; the final report closes the event",
      description = "Example body: {\"type\":\"INITIAL\",\"affectedPersons\":1200,\"relocatedPersons\":300,\"deaths\":0,"
          + "\"damagedHouses\":15,\"directEconomicLoss\":\"3500000.00\"}; a FINAL report adds \"stabilisedOn\". Each "
          + "report gets dueAt and late (received after dueAt): INITIAL occurredAt + initial-report-hours (2 h), "
          + "FOLLOW_UP previous report + follow-up-report-days (7), FINAL stabilisedOn + final-report-days (5) "
          + "(《自然灾害情况统计调查制度》). 200 with the event. 404 outside the area; 409 event-closed, "
          + "initial-report-required, initial-already-reported; 422 figures-inconsistent, stabilised-on-required, "
          + "stabilised-on-final-only, date-in-future, stabilised-before-event.")
  DisasterEvent report(@Parameter(example = "3") @PathVariable long id, @Valid @RequestBody ReportRequest request, Caller caller) {
    return events.report(id, new DisasterEventService.NewReport(request.type(), request.affectedPersons(),
        request.relocatedPersons(), request.deaths(), request.damagedHouses(), request.directEconomicLoss().setScale(2),
        request.stabilisedOn(), request.remarks() == null ? null : request.remarks().strip()),
        caller.regionScope(), caller.id());
  }

  @GetMapping("/disaster-events/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Read an event with its reports",
      description = "Example: GET /disaster-events/4. overdue: open and nextReportDueAt passed. 404 outside the area.")
  DisasterEvent event(@Parameter(example = "3") @PathVariable long id, Caller caller) {
    return events.find(id, caller.regionScope());
  }

  @GetMapping("/disaster-events")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "List events within the caller's area, newest first",
      description = "Example: GET /disaster-events?status=OPEN&page=0&size=20.")
  List<DisasterEvent> events(Caller caller, @RequestParam(required = false) DisasterEvent.Status status,
      @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return events.list(caller.regionScope(), status, page, size);
  }

  @PostMapping("/disaster-events/{id}/distributions")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record relief money or goods given to one recipient",
      description = "Example body: {\"regionCode\":\"330681001001\",\"recipientKind\":\"HOUSEHOLD\",\"nationalIdNumber\":"
          + "\"330681197001010032\",\"name\":\"陈建国\",\"item\":\"应急生活救助金\",\"kind\":\"MONEY\",\"amount\":\"1000.00\","
          + "\"distributedOn\":\"2026-09-16\"}; goods: \"kind\":\"GOODS\",\"quantity\":2,\"unit\":\"床\". The same item to "
          + "the same recipient once per event. 201. 400 validation; 403 region-outside-area; 404 event outside the area; "
          + "409 already-distributed (distributionId); 422 unknown-village, recipient-outside-event-region, "
          + "date-in-future, distributed-before-event, amount-required, quantity-required.")
  @Audited(action = AuditAction.CREATE, objectType = "disaster-relief-distribution", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<DistributionView> distribute(@Parameter(example = "3") @PathVariable long id, @Valid @RequestBody DistributionRequest request,
      Caller caller) {
    ReliefDistribution d = events.distribute(id, new DisasterEventService.NewDistribution(request.regionCode(),
        request.recipientKind(), NationalIdNumber.parse(request.nationalIdNumber()).value(), request.name().strip(),
        request.item().strip(), request.kind(), request.amount() == null ? null : request.amount().setScale(2),
        request.quantity(), request.unit() == null ? null : request.unit().strip(), request.distributedOn()),
        caller.regionScope(), caller.id());
    return ResponseEntity.created(URI.create("/disaster-events/" + id + "/distributions/" + d.id()))
        .body(DistributionView.of(d));
  }

  @GetMapping("/disaster-events/{id}/distributions")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "The event's relief per recipient within the caller's area, by id",
      description = "Example: GET /disaster-events/4/distributions?page=0&size=100. 404 event outside the area.")
  @Audited(action = AuditAction.READ, objectType = "disaster-relief-distribution")
  List<DistributionView> distributions(@Parameter(example = "3") @PathVariable long id, Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    return events.distributions(id, caller.regionScope(), null, page, size).stream().map(DistributionView::of).toList();
  }
}
