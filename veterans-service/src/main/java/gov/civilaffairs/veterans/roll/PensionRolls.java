package gov.civilaffairs.veterans.roll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.events.PensionTerminated;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.person.PensionKind;
import gov.civilaffairs.veterans.person.PersonPension;
import gov.civilaffairs.veterans.standard.PensionAmounts;
import gov.civilaffairs.veterans.standard.PensionStandard;
import gov.civilaffairs.veterans.standard.PensionStandardPublished;
import gov.civilaffairs.veterans.standard.PensionStandards;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly pension rolls of periodic pensions (定期抚恤金, 定期生活补助, 残疾抚恤金), like relief's payment rolls:
 * generated once per month with control totals, sent to the bank, never changed once sent. A standard
 * published later corrects the unsent rolls and leaves arrears for the sent ones; the arrears are paid by
 * the next roll generated.
 */
@Service
public class PensionRolls {

  private final PensionRollRepository rolls;
  private final EntitledPersons persons;
  private final PensionStandards standards;
  private final BureauClock clock;

  PensionRolls(PensionRollRepository rolls, EntitledPersons persons, PensionStandards standards, BureauClock clock) {
    this.rolls = rolls;
    this.persons = persons;
    this.standards = standards;
    this.clock = clock;
  }

  /**
   * Generates the roll of a month: one MONTHLY line per pension payable that month (a pension stopped by a
   * death is paid through its last month paid, never after) at the amount the standards make due, plus one
   * ARREARS line per arrears entry not yet in a roll. Idempotent: an existing roll is returned as it is.
   *
   * @throws ProblemException 422 {@code roll-month} for a month after the current month
   */
  @Transactional
  public PensionRoll generate(YearMonth month) {
    if (month.isAfter(clock.currentMonth())) {
      throw ProblemException.unprocessable("roll-month",
          "month " + month + " is after the current month " + clock.currentMonth());
    }
    Optional<PensionRoll> existing = rolls.findRoll(month);
    if (existing.isPresent()) {
      return existing.get();
    }
    long rollId;
    try {
      rollId = rolls.insertRoll(month, clock.now());
    } catch (DuplicateKeyException generatedConcurrently) {
      return rolls.findRoll(month).orElseThrow();
    }
    PensionAmounts amounts = standards.amounts();
    Map<Long, PensionKind> kinds = new HashMap<>();
    for (PersonPension pensioner : persons.allPensions()) {
      kinds.put(pensioner.pension().id(), pensioner.pension().kind());
      BigDecimal due = amounts.dueFor(pensioner, month);
      if (due.signum() > 0) {
        rolls.insertLine(rollId, pensioner.person().id(), pensioner.pension().id(), pensioner.pension().kind(),
            LineKind.MONTHLY, month, due, 0);
      }
    }
    for (PensionArrears arrears : rolls.findUnpaidArrears()) {
      rolls.insertLine(rollId, arrears.entitledPersonId(), arrears.pensionId(), kinds.get(arrears.pensionId()),
          LineKind.ARREARS, arrears.forMonth(), arrears.amount(), arrears.id());
      rolls.assignArrears(arrears.id(), rollId);
    }
    rolls.updateTotals(rollId);
    return rolls.findRoll(month).orElseThrow();
  }

  /**
   * Marks the roll of a month sent to the bank; from then on it never changes. Marking a sent roll again
   * returns it unchanged.
   *
   * @throws ProblemException 404 if the month has no roll
   */
  @Transactional
  public PensionRoll markSent(YearMonth month) {
    rolls.markSent(roll(month).id(), clock.now());
    return roll(month);
  }

  /** The roll of a month. @throws ProblemException 404 if there is none */
  public PensionRoll roll(YearMonth month) {
    return rolls.findRoll(month).orElseThrow(() -> ProblemException.notFound("Pension roll of", month));
  }

  /**
   * A page of a roll's lines of persons registered in {@code scope}, ordered by id.
   *
   * @throws ProblemException 404 if the month has no roll
   */
  public List<RollLine> lines(YearMonth month, RegionScope scope, int offset, int limit) {
    return rolls.findLines(roll(month).id(), scope, offset, limit);
  }

  /** The person's arrears entries, oldest first; {@code rollId} is the roll that pays each. */
  public List<PensionArrears> arrearsOf(long personId) {
    return rolls.arrearsOf(personId);
  }

  /**
   * Recomputes the pensions of a newly published standard's scale from its effective month, in the
   * publishing transaction: MONTHLY lines of DRAFT rolls are set to the amount now due; for each month of a
   * SENT roll, what is now due beyond what was paid (and what is already owed) becomes an arrears entry.
   * A standard that lowers an amount leaves no claim on months already paid (no recovery for a lawful
   * payment; verify with the city's finance office).
   */
  @EventListener
  void on(PensionStandardPublished published) {
    PensionStandard standard = published.standard();
    PensionAmounts amounts = published.amounts();
    List<PersonPension> pensions = persons.pensionsUnder(standard.category(), standard.disabilityGrade(),
        standard.disabilityCause());
    Instant now = clock.now();
    for (PensionRoll roll : rolls.findRollsFrom(standard.effectiveFrom(), RollStatus.SENT)) {
      Map<Long, BigDecimal> paid = rolls.paidInSentRolls(roll.month());
      Map<Long, BigDecimal> owed = rolls.pendingArrears(roll.month());
      for (PersonPension pensioner : pensions) {
        long pensionId = pensioner.pension().id();
        BigDecimal missing = amounts.dueFor(pensioner, roll.month())
            .subtract(paid.getOrDefault(pensionId, BigDecimal.ZERO))
            .subtract(owed.getOrDefault(pensionId, BigDecimal.ZERO));
        if (missing.signum() > 0) {
          rolls.insertArrears(pensioner.person().id(), pensionId, roll.month(), missing, standard.id(), now);
        }
      }
    }
    for (PensionRoll roll : rolls.findRollsFrom(standard.effectiveFrom(), RollStatus.DRAFT)) {
      Map<Long, RollLine> lines = rolls.monthlyLines(roll.id());
      for (PersonPension pensioner : pensions) {
        BigDecimal due = amounts.dueFor(pensioner, roll.month());
        RollLine line = lines.get(pensioner.pension().id());
        if (line == null && due.signum() > 0) {
          rolls.insertLine(roll.id(), pensioner.person().id(), pensioner.pension().id(), pensioner.pension().kind(),
              LineKind.MONTHLY, roll.month(), due, 0);
        } else if (line != null && due.signum() == 0) {
          rolls.deleteLine(line.id());
        } else if (line != null && line.amount().compareTo(due) != 0) {
          rolls.updateLineAmount(line.id(), due);
        }
      }
      rolls.updateTotals(roll.id());
    }
  }

  /**
   * A death stopped a pension: its MONTHLY lines in unsent rolls of months after the last month paid are
   * dropped, in the death's transaction (DOMAIN.md, "The death rule": a roll not yet sent drops the person).
   * Sent rolls are not changed.
   */
  @EventListener
  void on(PensionTerminated terminated) {
    for (PensionRollRepository.DraftLine line
        : rolls.draftMonthlyLinesAfter(terminated.pensionId(), terminated.lastPaidMonth())) {
      rolls.deleteLine(line.lineId());
      rolls.updateTotals(line.rollId());
    }
  }
}
