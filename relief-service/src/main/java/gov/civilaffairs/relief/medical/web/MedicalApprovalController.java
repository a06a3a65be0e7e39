package gov.civilaffairs.relief.medical.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.medical.ApprovalBatch;
import gov.civilaffairs.relief.medical.ApprovalBatchService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

/** Batch approvals of medical assistance settlements by document number (审批文号). */
@RestController
@RequestMapping("/medical-assistance")
@Tag(name = "Medical assistance", description = "医疗救助: 一站式结算 (门诊, 住院), 批量审批, 医前救助")
class MedicalApprovalController {

  private final ApprovalBatchService batches;

  MedicalApprovalController(ApprovalBatchService batches) {
    this.batches = batches;
  }

  /** A batch: the document and the settlements it approves (at most 1000). */
  record BatchRequest(
      @Schema(example = "诸民救〔2026〕35号") @NotBlank @Size(max = 100) String documentNumber,
      @Schema(example = "2026-09-30") @NotNull LocalDate approvedOn,
      @Schema(example = "[12, 13, 14]") @NotEmpty @Size(max = 1000) List<@NotNull @Positive Long> settlementIds) {
  }

  /** A batch with its lines (settlements) masked per role. */
  record BatchView(long id, String documentNumber, String regionCode, LocalDate approvedOn, int settlements,
      int persons, java.math.BigDecimal totalCost, java.math.BigDecimal eligibleOutOfPocket,
      java.math.BigDecimal assistancePaid, java.math.BigDecimal advancesOffset, java.math.BigDecimal payable,
      List<MedicalAssistanceController.SettlementView> lines) {

    static BatchView of(ApprovalBatch b) {
      return new BatchView(b.id(), b.documentNumber(), b.regionCode(), b.approvedOn(), b.settlements(), b.persons(),
          b.totalCost(), b.eligibleOutOfPocket(), b.assistancePaid(), b.advancesOffset(), b.payable(),
          b.lines().stream().map(MedicalAssistanceController.SettlementView::of).toList());
    }
  }

  @PostMapping("/approval-batches")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Approve settlements together under one document number, with control totals",
      description = "Example body: {\"documentNumber\":\"诸民救〔2026〕35号\",\"approvedOn\":\"2026-09-30\","
          + "\"settlementIds\":[12,13,14]}. 201 with totals (settlements, persons, totalCost, eligibleOutOfPocket, "
          + "assistancePaid, advancesOffset, payable) and the lines; the same document with the same settlements again: "
          + "200. 400 validation; 409 document-number-used, settlement-already-approved (settlementIds); 422 "
          + "unknown-settlement (settlementIds; unknown or outside the area), date-in-future, approved-before-settlement.")
  @Audited(action = AuditAction.UPDATE, objectType = "medical-approval-batch", objectId = "#result?.body?.id")
  ResponseEntity<BatchView> approve(@Valid @RequestBody BatchRequest request, Caller caller) {
    String region = caller.regionScope().isEverything() ? "" : caller.regionScope().prefix();
    ApprovalBatchService.Made made = batches.approve(request.documentNumber().strip(), request.approvedOn(),
        request.settlementIds(), caller.regionScope(), region, caller.id());
    URI location = URI.create("/medical-assistance/approval-batches/" + made.batch().id());
    return made.created() ? ResponseEntity.created(location).body(BatchView.of(made.batch()))
        : ResponseEntity.ok().location(location).body(BatchView.of(made.batch()));
  }

  @GetMapping("/approval-batches/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "A batch approval with its totals and the settlements within the caller's area",
      description = "Example: GET /medical-assistance/approval-batches/3. Totals are the whole batch's; lines only "
          + "those within the caller's area. 404 unknown or the approving office's area not touching the caller's.")
  @Audited(action = AuditAction.READ, objectType = "medical-approval-batch", objectId = "#id")
  BatchView batch(@Parameter(example = "3") @PathVariable long id, Caller caller) {
    return BatchView.of(batches.find(id, caller.regionScope()));
  }

  @GetMapping("/settlements/unapproved")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Settlements within the caller's area not yet approved, oldest first",
      description = "Example: GET /medical-assistance/settlements/unapproved?page=0&size=100.")
  @Audited(action = AuditAction.READ, objectType = "medical-settlement")
  List<MedicalAssistanceController.SettlementView> unapproved(Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return batches.unapproved(caller.regionScope(), page, size).stream()
        .map(MedicalAssistanceController.SettlementView::of).toList();
  }
}
