package gov.civilaffairs.eldercare.allowance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly payment rolls of the old-age allowance (高龄津贴), built like relief-service's rolls of the minimum
 * living allowance: generate the roll of a month (starting first the allowances due that month), then mark it
 * sent to the bank. Each line pays the band amount of its month ({@link OldAgeAllowanceProperties}), so a
 * person who reaches 90 in a month is paid the 90+ amount from that month on.
 */
@Service
public class AllowanceRolls {

  private final AllowanceRollRepository rolls;
  private final OldAgeAllowances allowances;
  private final OldAgeAllowanceProperties policy;
  private final BureauClock clock;

  AllowanceRolls(AllowanceRollRepository rolls, OldAgeAllowances allowances, OldAgeAllowanceProperties policy,
      BureauClock clock) {
    this.rolls = rolls;
    this.allowances = allowances;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Generates the roll of a month: starts the allowances due ({@link OldAgeAllowances#startDue}), then one
   * MONTHLY line per allowance paid for the month at the month's band amount, plus one ARREARS line per arrears
   * entry not yet paid. Idempotent: the roll of a month that has one is returned as it is.
   *
   * @param month the benefit month, at most the current month (Asia/Shanghai)
   * @throws ProblemException 422 {@code future-month} for a month after the current one
   */
  @Transactional
  public AllowanceRoll generate(YearMonth month) {
    if (month.isAfter(clock.currentMonth())) {
      throw ProblemException.unprocessable("future-month", "The roll of " + month + " cannot be generated before "
          + "that month (the current month is " + clock.currentMonth() + ").");
    }
    Optional<AllowanceRoll> existing = rolls.find(month);
    if (existing.isPresent()) {
      return existing.get();
    }
    long rollId;
    try {
      rollId = rolls.insert(month, clock.now());
    } catch (DuplicateKeyException generatedConcurrently) {
      return rolls.find(month).orElseThrow();
    }
    allowances.startDue(month);
    List<AllowanceRollRepository.NewLine> lines = new ArrayList<>();
    for (var payable : rolls.payableFor(month)) {
      policy.monthlyAmount(payable.birthDate(), month).ifPresent(value -> lines.add(
          new AllowanceRollRepository.NewLine(payable.allowanceId(), payable.personId(), payable.regionCode(), value)));
    }
    rolls.insertMonthlyLines(rollId, month, lines);
    for (var arrears : rolls.unpaidArrears()) {
      rolls.insertLine(rollId, arrears.allowanceId(), arrears.personId(), arrears.regionCode(),
          AllowanceRollLine.Kind.ARREARS, arrears.month(), arrears.amount());
      rolls.assignArrears(arrears.id(), rollId);
    }
    return rolls.find(month).orElseThrow();
  }

  /**
   * Marks the roll of a month sent to the bank; from then on it never changes. Marking it again returns it
   * unchanged.
   *
   * @throws ProblemException 404 when the month has no roll
   */
  @Transactional
  public AllowanceRoll markSent(YearMonth month) {
    // A locking read first: it waits for the deaths dropping lines of this roll (they hold a shared lock) and
    // takes no REPEATABLE READ snapshot, so the roll answered below counts what they dropped.
    long rollId = rolls.lockForSending(month)
        .orElseThrow(() -> ProblemException.notFound("Old-age allowance roll of", month));
    rolls.markSent(rollId, clock.now());
    return roll(month);
  }

  /** @throws ProblemException 404 when the month has no roll */
  public AllowanceRoll roll(YearMonth month) {
    return rolls.find(month).orElseThrow(() -> ProblemException.notFound("Old-age allowance roll of", month));
  }

  /** A page of the roll's lines of persons within {@code area}, in id order after {@code afterId}. */
  public List<AllowanceRollLine> lines(YearMonth month, RegionScope area, long afterId, int size) {
    return rolls.lines(roll(month).id(), area, afterId, size);
  }
}
