package gov.civilaffairs.eldercare.lottery.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;

import gov.civilaffairs.eldercare.lottery.GameType;
import gov.civilaffairs.eldercare.lottery.LotterySales;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Welfare-lottery sales (福利彩票销量): enter, import CSV, totals by game type for a period. County level. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
@Validated
@RequestMapping("/welfare-lottery/sales")
@Tag(name = "Welfare lottery", description = "福利彩票 sales by game type (电脑票, 中福在线, 即开型) and month")
class LotterySalesController {

  private final LotterySales sales;

  LotterySalesController(LotterySales sales) {
    this.sales = sales;
  }

  record SaleRequest(
      @Schema(description = "County, 6 digits (GB/T 2260)", example = "330681") @NotNull
      @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String regionCode,
      @Schema(example = "COMPUTER_DRAW") @NotNull GameType gameType,
      @Schema(type = "string", example = "2026-06") @NotNull YearMonth month,
      @Schema(description = "Yuan", example = "1250000.00") @NotNull @Digits(integer = 14, fraction = 2) BigDecimal amount) {
  }

  @PostMapping
  @Operation(summary = "Enter one month's sales of a game type in a county",
      description = "422 `not-a-county`, `future-month`, `invalid-amount`; 409 `duplicate`; 403 `region-outside-area`.")
  ResponseEntity<LotterySales.Sale> enter(@Valid @RequestBody SaleRequest request, Caller caller) {
    LotterySales.Sale sale = sales.enter(new LotterySales.Sale(request.regionCode(), request.gameType(),
        request.month(), request.amount()), caller.regionScope());
    return ResponseEntity.created(URI.create("/welfare-lottery/sales/totals")).body(sale);
  }

  @PostMapping(path = "/imports", consumes = "text/csv")
  @Operation(summary = "Import sales from CSV; each row accepted or rejected with its reason",
      description = "Columns region_code,game_type,month,amount (header line, UTF-8), at most 5000 rows. A bad row "
          + "never stops the good ones. 400 `unreadable-file` without the header or with too many rows.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
          examples = @ExampleObject("region_code,game_type,month,amount\n330681,INSTANT,2026-05,380000.00\n"))))
  LotterySales.ImportResult importCsv(@RequestBody @Size(max = 2_000_000) String csv, Caller caller) {
    return sales.importCsv(csv, caller.regionScope());
  }

  @GetMapping("/totals")
  @Operation(summary = "Sales of a period of months by game type, and the total",
      description = "region defaults to the caller's area; 403 `region-outside-area` beyond it; 422 `period` when "
          + "to is before from.")
  LotterySales.Totals totals(
      @Parameter(example = "2026-01") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
      @Parameter(example = "2026-06") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
      @Parameter(example = "330681") @RequestParam(required = false)
      @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "must be a 6, 9 or 12-digit region code") String region,
      Caller caller) {
    if (to.isBefore(from)) {
      throw ProblemException.unprocessable("period", "to " + to + " is before from " + from + ".");
    }
    RegionScope area = caller.regionScope();
    if (region != null && !area.covers(region)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Region " + region + " is outside your area.");
    }
    return sales.totals(from, to, region == null ? area : RegionScope.within(region));
  }
}
