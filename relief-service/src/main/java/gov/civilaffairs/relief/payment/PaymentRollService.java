package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.Allowance;
import gov.civilaffairs.relief.allowance.HouseholdRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly payment rolls of the minimum living allowance, and the corrections the death rule makes to
 * them (DOMAIN.md, "The death rule" points 4 and 7): unsent rolls are corrected in place; money
 * paid in sent rolls for months after a death becomes an overpayment claim; months missed because of
 * a revoked death record become arrears, paid in the next roll.
 */
@Service
public class PaymentRollService {

  private final PaymentRollRepository rolls;
  private final HouseholdRepository households;

  PaymentRollService(PaymentRollRepository rolls, HouseholdRepository households) {
    this.rolls = rolls;
    this.households = households;
  }

  /**
   * Generates the roll of a month: one MONTHLY line per allowance paid for that month at its amount
   * for that month, plus one ARREARS line per arrears entry not yet paid. Idempotent: a roll that
   * exists for the month is returned as it is.
   *
   * @return the roll, with its control totals (line count, total amount)
   */
  @Transactional
  public PaymentRoll generate(YearMonth month) {
    Optional<PaymentRoll> existing = rolls.findRoll(month);
    if (existing.isPresent()) {
      return existing.get();
    }
    long rollId;
    try {
      rollId = rolls.insertRoll(month);
    } catch (DuplicateKeyException generatedConcurrently) {
      return rolls.findRoll(month).orElseThrow();
    }
    for (Allowance allowance : households.findAllowancesPaidFor(month)) {
      rolls.insertLine(rollId, allowance.householdId(), LineKind.MONTHLY, month, allowance.amountFor(month));
    }
    for (Arrears arrears : rolls.findUnpaidArrears()) {
      rolls.insertLine(rollId, arrears.householdId(), LineKind.ARREARS, arrears.forMonth(), arrears.amount());
      rolls.assignArrears(arrears.id(), rollId);
    }
    rolls.updateTotals(rollId);
    return rolls.findRoll(month).orElseThrow();
  }

  /**
   * Marks the roll of a month sent to the bank; from then on it never changes. Marking a sent roll
   * again returns it unchanged.
   *
   * @throws ProblemException 404 if the month has no roll
   */
  @Transactional
  public PaymentRoll markSent(YearMonth month) {
    rolls.markSent(roll(month).id());
    return roll(month);
  }

  /** @throws ProblemException 404 if the month has no roll */
  public PaymentRoll roll(YearMonth month) {
    return rolls.findRoll(month).orElseThrow(() -> ProblemException.notFound("Payment roll of", month));
  }

  /** A page (from 0) of a roll's lines, ordered by id. @throws ProblemException 404 if the month has no roll */
  public List<RollLine> lines(YearMonth month, int page, int size) {
    return rolls.findLines(roll(month).id(), page, size);
  }

  /** A household's overpayment claims, oldest first. */
  public List<OverpaymentClaim> claims(long householdId) {
    return rolls.findClaims(householdId);
  }

  /** A household's arrears entries, oldest first. */
  public List<Arrears> arrears(long householdId) {
    return rolls.findArrears(householdId);
  }

  /** A correction of one household's line in an unsent roll: amounts in yuan, zero where there is no line. */
  public record RollCorrection(YearMonth month, BigDecimal before, BigDecimal after) {
  }

  /**
   * Brings the household's MONTHLY line of every unsent roll of a month after {@code after} to what
   * its allowance now says: dropped if nothing is due, corrected if the amount changed, added back if
   * it was dropped and is due again. Control totals are updated.
   *
   * @return the corrections made, one per roll changed
   */
  @Transactional
  public List<RollCorrection> correctUnsentRolls(Allowance allowance, YearMonth after) {
    List<RollCorrection> corrections = new ArrayList<>();
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    for (PaymentRoll roll : rolls.findRollsAfter(after, RollStatus.DRAFT)) {
      BigDecimal due = allowance.amountFor(roll.month());
      Optional<RollLine> line = rolls.findMonthlyLine(roll.id(), allowance.householdId());
      BigDecimal before = line.map(RollLine::amount).orElse(zero);
      if (before.compareTo(due) == 0) {
        continue;
      }
      if (line.isPresent() && due.signum() == 0) {
        rolls.deleteLine(line.get().id());
      } else if (line.isPresent()) {
        rolls.updateLineAmount(line.get().id(), due);
      } else {
        rolls.insertLine(roll.id(), allowance.householdId(), LineKind.MONTHLY, roll.month(), due);
      }
      rolls.updateTotals(roll.id());
      corrections.add(new RollCorrection(roll.month(), before, due));
    }
    return corrections;
  }

  /**
   * Opens an overpayment claim for what sent rolls paid the household for months after {@code after}
   * beyond what its allowance now says is due. Nothing is opened if nothing was overpaid.
   *
   * @return the claim opened, if any
   */
  @Transactional
  public Optional<OverpaymentClaim> claimOverpayment(Allowance allowance, YearMonth after, long deathRecordId) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    List<YearMonth> months = new ArrayList<>();
    for (PaymentRoll roll : rolls.findRollsAfter(after, RollStatus.SENT)) {
      BigDecimal over = rolls.paidInSentRolls(allowance.householdId(), roll.month())
          .subtract(allowance.amountFor(roll.month()));
      if (over.signum() > 0) {
        total = total.add(over);
        months.add(roll.month());
      }
    }
    if (months.isEmpty()) {
      return Optional.empty();
    }
    rolls.insertClaim(allowance.householdId(), deathRecordId, months.get(0), months.get(months.size() - 1),
        months.size(), total);
    return rolls.findClaims(allowance.householdId()).stream()
        .filter(c -> c.deathRecordId() == deathRecordId).findFirst();
  }

  /** Withdraws the open overpayment claims of a death record that was revoked; returns how many. */
  @Transactional
  public int withdrawClaims(long householdId, long deathRecordId) {
    return rolls.withdrawClaims(householdId, deathRecordId);
  }

  /**
   * Adds an arrears entry for every month after {@code after} with a sent roll in which the household
   * was paid less than its allowance now says is due (what is already owed counted).
   *
   * @return the arrears added, one per month
   */
  @Transactional
  public List<Arrears> addArrears(Allowance allowance, YearMonth after, long deathRecordId) {
    long householdId = allowance.householdId();
    for (PaymentRoll roll : rolls.findRollsAfter(after, RollStatus.SENT)) {
      BigDecimal owed = allowance.amountFor(roll.month())
          .subtract(rolls.paidInSentRolls(householdId, roll.month()))
          .subtract(rolls.pendingArrears(householdId, roll.month()));
      if (owed.signum() > 0) {
        rolls.insertArrears(householdId, roll.month(), owed, deathRecordId);
      }
    }
    return rolls.findArrears(householdId).stream()
        .filter(a -> a.deathRecordId() != null && a.deathRecordId() == deathRecordId && a.rollId() == null).toList();
  }

  /**
   * Adds an arrears entry for every month after {@code after} with a sent roll in which the household was
   * paid less than its allowance now says is due, because an allowance standard was raised from an
   * earlier month (补发, as for a revoked death: what is already owed is counted). A standard lowered
   * retroactively opens no claim: money paid under the standard then in force is not recovered.
   *
   * @return the number of arrears entries added
   */
  @Transactional
  public int addStandardArrears(Allowance allowance, YearMonth after, long allowanceStandardId) {
    int added = 0;
    for (PaymentRoll roll : rolls.findRollsAfter(after, RollStatus.SENT)) {
      BigDecimal owed = allowance.amountFor(roll.month())
          .subtract(rolls.paidInSentRolls(allowance.householdId(), roll.month()))
          .subtract(rolls.pendingArrears(allowance.householdId(), roll.month()));
      if (owed.signum() > 0) {
        rolls.insertStandardArrears(allowance.householdId(), roll.month(), owed, allowanceStandardId);
        added++;
      }
    }
    return added;
  }
}
