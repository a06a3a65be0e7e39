package gov.civilaffairs.relief.payment.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.relief.payment.Arrears;
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

/** Monthly payment rolls (generate, read, mark sent) and the money corrections of each household. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Tag(name = "Payment rolls", description = "低保金发放花名册")
class PaymentRollController {

  private final PaymentRollService service;

  PaymentRollController(PaymentRollService service) {
    this.service = service;
  }

  @PostMapping("/payment-rolls")
  @Operation(summary = "Generate the roll of a month (idempotent: returns the existing roll)")
  ResponseEntity<PaymentRoll> generate(@Valid @RequestBody GenerateRollRequest request) {
    PaymentRoll roll = service.generate(request.month());
    return ResponseEntity.created(URI.create("/payment-rolls/" + roll.month())).body(roll);
  }

  @GetMapping("/payment-rolls/{month}")
  @Operation(summary = "Read a roll and its control totals")
  PaymentRoll roll(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    return service.roll(month);
  }

  @GetMapping("/payment-rolls/{month}/lines")
  @Operation(summary = "A page of a roll's lines, ordered by id")
  List<RollLine> lines(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return service.lines(month, page, size);
  }

  @PostMapping("/payment-rolls/{month}/sent")
  @Operation(summary = "Mark a roll sent to the bank; it never changes afterwards")
  PaymentRoll markSent(@Parameter(example = "2026-07") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    return service.markSent(month);
  }

  @GetMapping("/households/{id}/overpayment-claims")
  @Operation(summary = "A household's overpayment claims (OPEN or WITHDRAWN)")
  List<OverpaymentClaim> claims(@PathVariable long id) {
    return service.claims(id);
  }

  @GetMapping("/households/{id}/arrears")
  @Operation(summary = "A household's arrears entries; rollId is the roll that pays each")
  List<Arrears> arrears(@PathVariable long id) {
    return service.arrears(id);
  }
}
