package gov.civilaffairs.eldercare.homecare.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import gov.civilaffairs.eldercare.homecare.HomeCare;
import gov.civilaffairs.eldercare.homecare.HomeCareOrder;
import gov.civilaffairs.eldercare.homecare.HomeCareStation;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
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

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Home-care stations (居家养老服务站) and their service orders; stations and persons are checked against the caller's area. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@RequestMapping("/home-care-stations")
@Tag(name = "Home-care stations", description = "居家养老服务站 and their service orders")
class HomeCareController {

  private final HomeCare homeCare;
  private final ElderlyPersons persons;

  HomeCareController(HomeCare homeCare, ElderlyPersons persons) {
    this.homeCare = homeCare;
    this.persons = persons;
  }

  record StationRequest(
      @Schema(example = "江东社区居家养老服务站") @NotBlank @Size(max = 200) String name,
      @Schema(description = "Community, 12 digits (GB/T 2260)", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village-level region code") String regionCode,
      @Schema(example = "诸暨市乐龄养老服务中心") @NotBlank @Size(max = 200) String operator,
      @Schema(example = "2020-05-01") @NotNull LocalDate openedOn) {
  }

  /** What a caller may set on an order; status, outcome and closing time come from the workflow endpoints. */
  record OrderRequest(
      @Schema(example = "330681194001010039") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "DAILY_CARE") @NotNull HomeCareOrder.ServiceType serviceType,
      @Schema(example = "LOW_COST") @NotNull HomeCareOrder.PaymentKind paymentKind,
      @Schema(description = "Yuan paid by the person; only for LOW_COST", example = "10.00")
      @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal fee,
      @Schema(example = "王阿姨 (助餐员)") @NotBlank @Size(max = 200) String provider,
      @Schema(description = "When the service is given, ISO 8601 with offset", example = "2026-11-16T09:00:00+08:00")
      @NotNull OffsetDateTime scheduledAt) {
  }

  record CloseRequest(@Schema(example = "送餐上门, 老人状态良好") @NotBlank @Size(max = 1000) String text) {
  }

  /** An order with its person; the ID number is masked per role. */
  record OrderResponse(
      @Schema(example = "5") long id,
      @Schema(example = "1") long stationId,
      @Schema(example = "12") long personId,
      @Schema(example = "330681********0039") @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      @Schema(example = "张桂英") String name,
      @Schema(example = "DAILY_CARE") HomeCareOrder.ServiceType serviceType,
      @Schema(example = "LOW_COST") HomeCareOrder.PaymentKind paymentKind,
      @Schema(example = "10.00") BigDecimal fee,
      @Schema(example = "王阿姨 (助餐员)") String provider,
      @Schema(example = "2026-11-16T01:00:00Z") Instant scheduledAt,
      @Schema(example = "OPEN") HomeCareOrder.Status status,
      @Schema(example = "null") String outcome,
      @Schema(example = "null") Instant closedAt,
      @Schema(example = "null") Long cancelledByDeathRecordId) {

    static OrderResponse of(HomeCareOrder order, ElderlyPerson person) {
      return new OrderResponse(order.id(), order.stationId(), person.id(), person.nationalIdNumber(), person.name(),
          order.serviceType(), order.paymentKind(), order.fee(), order.provider(), order.scheduledAt(), order.status(),
          order.outcome(), order.closedAt(), order.cancelledByDeathRecordId());
    }
  }

  @PostMapping
  @Operation(summary = "Open a home-care station in a community",
      description = "422 `not-a-village` or unknown region, `future-date`; 403 `region-outside-area`.")
  ResponseEntity<HomeCareStation> open(@Valid @RequestBody StationRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Community " + request.regionCode() + " is outside your area.");
    }
    HomeCareStation station = homeCare.openStation(request.name().strip(), request.regionCode(),
        request.operator().strip(), request.openedOn());
    return ResponseEntity.created(URI.create("/home-care-stations/" + station.id())).body(station);
  }

  @GetMapping
  @Operation(summary = "List the stations within the caller's area, in id order",
      description = "Filtered in SQL (issue 3); keyset pagination with `afterId`.")
  List<HomeCareStation> stations(Caller caller, @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return homeCare.stations(caller.regionScope(), afterId, size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a station", description = "404 when unknown or outside the caller's area.")
  HomeCareStation station(@Parameter(example = "1") @PathVariable long id, Caller caller) {
    return homeCare.station(id, caller.regionScope());
  }

  @PostMapping("/{id}/orders")
  @Operation(summary = "Place a service order for an elderly person",
      description = "404 for a station or person outside the caller's area; 422 `person-deceased`, `fee-required` "
          + "(LOW_COST without a fee), `fee-not-allowed`.")
  @Audited(action = AuditAction.CREATE, objectType = "home-care-order", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<OrderResponse> order(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody OrderRequest request) {
    HomeCareStation station = homeCare.station(id, caller.regionScope());
    ElderlyPerson person = persons.require(request.nationalIdNumber(), caller.regionScope());
    HomeCareOrder order = homeCare.order(station, person, request.serviceType(), request.paymentKind(), request.fee(),
        request.provider().strip(), request.scheduledAt().toInstant());
    return ResponseEntity.created(URI.create("/home-care-stations/" + id + "/orders/" + order.id()))
        .body(OrderResponse.of(order, person));
  }

  @GetMapping("/{id}/orders")
  @Operation(summary = "The station's orders, optionally of one status, in id order",
      description = "404 for a station outside the caller's area; keyset pagination with `afterId`.")
  @Audited(action = AuditAction.READ, objectType = "home-care-order")
  List<OrderResponse> orders(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @RequestParam(required = false) HomeCareOrder.Status status,
      @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    HomeCareStation station = homeCare.station(id, caller.regionScope());
    return homeCare.orders(station, status, afterId, size).stream()
        .map(order -> OrderResponse.of(order, persons.byId(order.personId()))).toList();
  }

  @PostMapping("/{id}/orders/{orderId}/completion")
  @Operation(summary = "Complete an OPEN order with its outcome", description = "404; 409 `order-not-open`.")
  @Audited(action = AuditAction.UPDATE, objectType = "home-care-order", objectId = "#orderId")
  OrderResponse complete(@Parameter(example = "1") @PathVariable long id,
      @Parameter(example = "5") @PathVariable long orderId, Caller caller, @Valid @RequestBody CloseRequest request) {
    HomeCareOrder order = homeCare.complete(homeCare.station(id, caller.regionScope()), orderId, request.text().strip());
    return OrderResponse.of(order, persons.byId(order.personId()));
  }

  @PostMapping("/{id}/orders/{orderId}/cancellation")
  @Operation(summary = "Cancel an OPEN order with the reason", description = "404; 409 `order-not-open`.")
  @Audited(action = AuditAction.UPDATE, objectType = "home-care-order", objectId = "#orderId")
  OrderResponse cancel(@Parameter(example = "1") @PathVariable long id,
      @Parameter(example = "5") @PathVariable long orderId, Caller caller, @Valid @RequestBody CloseRequest request) {
    HomeCareOrder order = homeCare.cancel(homeCare.station(id, caller.regionScope()), orderId, request.text().strip());
    return OrderResponse.of(order, persons.byId(order.personId()));
  }
}
