package gov.civilaffairs.relief.payee;

import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.HouseholdService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payee account (代发账户) of a minimum-living-allowance household: set or replaced as a whole, read. The bank
 * files of the household's payment rolls carry it ({@code payment.BankFiles}).
 */
@Service
public class PayeeAccountService {

  private final PayeeAccountRepository accounts;
  private final HouseholdService households;
  private final BureauClock clock;

  PayeeAccountService(PayeeAccountRepository accounts, HouseholdService households, BureauClock clock) {
    this.accounts = accounts;
    this.households = households;
    this.clock = clock;
  }

  /**
   * An account to set: holder name, bank code and name, account number (validated by the web adapter; checked
   * again here, so that no caller stores a bad number).
   */
  public record NewAccount(String holderName, String bankCode, String bankName, String accountNumber) {
  }

  /**
   * Sets or replaces the household's payee account.
   *
   * @return the account stored
   * @throws ProblemException 404 when the household does not exist or lies outside {@code area}; 422
   *     {@code invalid-account-number} (field {@code accountNumber}) when the number breaks a rule of
   *     {@link BankAccountNumbers}
   */
  @Transactional
  public PayeeAccount setForHousehold(long householdId, RegionScope area, NewAccount account, String actor) {
    households.household(householdId, area);
    BankAccountNumbers.problem(account.accountNumber()).ifPresent(problem -> {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-account-number",
          "accountNumber " + problem + ".", java.util.Map.of("field", "accountNumber"));
    });
    PayeeAccount stored = new PayeeAccount(PayeeAccount.BeneficiaryKind.HOUSEHOLD, householdId,
        account.holderName().strip(), account.bankCode(), account.bankName().strip(), account.accountNumber(),
        clock.now(), actor);
    accounts.save(stored);
    return accounts.find(PayeeAccount.BeneficiaryKind.HOUSEHOLD, householdId).orElseThrow();
  }

  /**
   * The household's payee account, if one is set.
   *
   * @throws ProblemException 404 when the household does not exist or lies outside {@code area}
   */
  public Optional<PayeeAccount> ofHousehold(long householdId, RegionScope area) {
    households.household(householdId, area);
    return accounts.find(PayeeAccount.BeneficiaryKind.HOUSEHOLD, householdId);
  }
}
