package gov.civilaffairs.relief.subsidy.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.subsidy.SubsidyBatch;
import gov.civilaffairs.relief.subsidy.SubsidyBatchService;
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
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One-off subsidy batches (物价补贴, 冬春补助, 春节生活补贴, 送温暖): make with the list, read, list lines, pay once. */
@RestController
@RequestMapping("/subsidy-batches")
@Tag(name = "Subsidy batches", description = "一次性补贴批次")
class SubsidyBatchController {

  private final SubsidyBatchService service;

  SubsidyBatchController(SubsidyBatchService service) {
    this.service = service;
  }

  /** A batch to make: the rule and the amounts; lines and totals are computed. */
  record NewBatchRequest(
      @Schema(example = "FESTIVAL_SUBSIDY") @NotNull SubsidyBatch.Kind kind,
      @Schema(example = "2027年春节一次性生活补贴") @NotBlank @Size(max = 200) String title,
      @Schema(example = "诸民〔2027〕3号") @NotBlank @Size(max = 100) String documentReference,
      @Schema(type = "string", description = "targets: households whose allowance is paid for this month",
          example = "2027-01") @NotNull YearMonth referenceMonth,
      @Schema(description = "URBAN, RURAL, or omit for both", example = "URBAN") Area area,
      @Schema(description = "yuan per household", example = "200.00")
      @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal amountPerHousehold,
      @Schema(description = "yuan per living member", example = "100.00")
      @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal amountPerPerson) {
  }

  @PostMapping
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Make a batch and generate its list by the rule",
      description = "Example body: {\"kind\":\"FESTIVAL_SUBSIDY\",\"title\":\"2027年春节一次性生活补贴\",\"documentReference\":"
          + "\"诸民〔2027〕3号\",\"referenceMonth\":\"2027-01\",\"area\":\"URBAN\",\"amountPerHousehold\":\"200.00\","
          + "\"amountPerPerson\":\"100.00\"}. 201 with lineCount, personCount, totalAmount; the same kind and "
          + "documentReference again: 200 with the batch already made (never a second list). 400 validation; "
          + "422 amount-required.")
  @Audited(action = AuditAction.CREATE, objectType = "subsidy-batch", objectId = "#result?.body?.id")
  ResponseEntity<SubsidyBatch> make(@Valid @RequestBody NewBatchRequest request, Caller caller) {
    SubsidyBatchService.Made made = service.make(new SubsidyBatchService.NewBatch(request.kind(), request.title().strip(),
        request.documentReference().strip(), request.referenceMonth(), request.area(),
        request.amountPerHousehold().setScale(2), request.amountPerPerson().setScale(2)), caller.id());
    URI location = URI.create("/subsidy-batches/" + made.batch().id());
    return made.created() ? ResponseEntity.created(location).body(made.batch())
        : ResponseEntity.ok().location(location).body(made.batch());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read a batch with its control totals", description = "Example: GET /subsidy-batches/4. 404.")
  SubsidyBatch find(@Parameter(example = "4") @PathVariable long id) {
    return service.find(id);
  }

  @GetMapping("/{id}/lines")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "The batch's lines within the caller's area, ordered by id",
      description = "Example: GET /subsidy-batches/4/lines?page=0&size=100 -> [{\"householdId\":7,\"persons\":2,"
          + "\"amount\":400.00}]. 404.")
  @Audited(action = AuditAction.READ, objectType = "subsidy-batch", objectId = "#id")
  List<SubsidyBatch.Line> lines(@Parameter(example = "4") @PathVariable long id, Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return service.lines(id, caller.regionScope(), page, size);
  }

  @PostMapping("/{id}/payment")
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Mark the batch paid (sent to the bank); a batch is paid once",
      description = "Example: POST /subsidy-batches/4/payment. 404; 409 batch-already-paid.")
  @Audited(action = AuditAction.EXPORT, objectType = "subsidy-batch", objectId = "#id")
  SubsidyBatch pay(@Parameter(example = "4") @PathVariable long id) {
    return service.pay(id);
  }
}
