package gov.civilaffairs.relief.payee.web;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.payee.PayeeAccountService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The payee account (代发账户) of a minimum-living-allowance household: set or replace, read. */
@RestController
@Tag(name = "Payee accounts", description = "代发账户: the bank account an allowance is paid into")
class PayeeAccountController {

  private final PayeeAccountService service;

  PayeeAccountController(PayeeAccountService service) {
    this.service = service;
  }

  @PutMapping("/households/{id:\\d+}/payee-account")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Set or replace a household's payee account",
      description = "Example: PUT /households/7/payee-account with body {\"holderName\":\"王建华\",\"bankCode\":"
          + "\"102337000018\",\"bankName\":\"中国工商银行诸暨支行\",\"accountNumber\":\"6222021234567890128\"} -> 200 "
          + "{\"householdId\":7,\"holderName\":\"王建华\",\"bankCode\":\"102337000018\",\"bankName\":\"中国工商银行诸暨支行\","
          + "\"accountNumber\":\"***************0128\",...} (the number in full for roles listed in "
          + "platform.security.unmasked-roles.BANK_ACCOUNT). Replaces the whole account; audited (UPDATE). "
          + "400 with errors[] naming the field: accountNumber not digits, not 12-19 digits, or a UnionPay number "
          + "(starting with 62) failing the Luhn check digit; bankCode not 12 digits; holderName or bankName blank or "
          + "over 100 characters. 404 when the household does not exist or lies outside the caller's area.")
  @Audited(action = AuditAction.UPDATE, objectType = "payee-account", objectId = "#id")
  PayeeAccountResponse set(@Parameter(example = "7") @PathVariable long id, Caller caller,
      @Valid @RequestBody PayeeAccountRequest request) {
    return PayeeAccountResponse.of(service.setForHousehold(id, caller.regionScope(), new PayeeAccountService.NewAccount(
        request.holderName(), request.bankCode(), request.bankName(), request.accountNumber()), caller.id()));
  }

  @GetMapping("/households/{id:\\d+}/payee-account")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read a household's payee account",
      description = "Example: GET /households/7/payee-account -> {\"householdId\":7,\"holderName\":\"王建华\",\"bankCode\":"
          + "\"102337000018\",\"bankName\":\"中国工商银行诸暨支行\",\"accountNumber\":\"***************0128\","
          + "\"updatedAt\":\"2026-07-01T02:30:00Z\",\"updatedBy\":\"jiyang-caseworker\"}; the number masked unless the "
          + "caller's role may see it (platform.security.unmasked-roles.BANK_ACCOUNT). Audited (READ). 404 "
          + "no-payee-account when none is set; 404 when the household does not exist or lies outside the area.")
  @Audited(action = AuditAction.READ, objectType = "payee-account", objectId = "#id")
  PayeeAccountResponse get(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    return service.ofHousehold(id, caller.regionScope()).map(PayeeAccountResponse::of)
        .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "no-payee-account",
            "Household " + id + " has no payee account yet."));
  }
}
