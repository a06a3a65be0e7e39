package gov.civilaffairs.relief.standard;

import java.util.ArrayList;
import java.util.Set;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.relief.events.BenefitEventOutbox;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.Allowance;
import gov.civilaffairs.relief.allowance.AllowanceAmount;
import gov.civilaffairs.relief.allowance.AllowanceCalculator;
import gov.civilaffairs.relief.allowance.AllowanceStandard;
import gov.civilaffairs.relief.allowance.AllowanceStandardRepository;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Household;
import gov.civilaffairs.relief.allowance.HouseholdRepository;
import gov.civilaffairs.relief.payment.PaymentRollService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Introduces a new allowance standard (低保标准) and recomputes every allowance of its area from its
 * effective month (民发〔2021〕57号: the allowance is the difference between the standard and the household's
 * per-capita income, so a new standard changes every amount; 《社会救助暂行办法》 art. 10: the standard is
 * set by the local government and adjusted with living costs). When the effective month lies before
 * months already sent to the bank, the difference owed for those months becomes arrears (补发), paid in the
 * next roll, as for veterans' standards; unsent rolls are corrected.
 */
@Service
public class StandardService {

  private final AllowanceStandardRepository standards;
  private final HouseholdRepository households;
  private final AllowanceCalculator calculator;
  private final PaymentRollService rolls;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StandardService.class);

  private final BenefitEventOutbox outbox;
  private final BureauClock clock;

  StandardService(AllowanceStandardRepository standards, HouseholdRepository households,
      AllowanceCalculator calculator, PaymentRollService rolls, BenefitEventOutbox outbox, BureauClock clock) {
    this.outbox = outbox;
    this.clock = clock;
    this.standards = standards;
    this.households = households;
    this.calculator = calculator;
    this.rolls = rolls;
  }

  /**
   * A standard to introduce.
   *
   * @param year the year it is the standard of
   * @param effectiveMonth first month it applies to, within {@code year}
   * @param amount yuan per person per month, scale 2, positive
   * @param documentReference the government notice that set it
   */
  public record NewStandard(Area area, int year, YearMonth effectiveMonth, BigDecimal amount,
      String documentReference) {
  }

  /**
   * Records the standard and recomputes, in one transaction, the allowances of its area paid for its
   * effective month or later: each amount entry in force from the effective month on is recomputed with
   * the new standard for the members it counted (an entry whose amount would not change is not added);
   * unsent rolls of later months are corrected; sent rolls that paid less become arrears. A standard
   * lowered retroactively recovers nothing already paid. Each new amount entry is one {@code benefit-changed}
   * event (with the amount it replaced), recorded in relief's own outbox in the same transaction and sent after the
   * commit (ADR 0007); an allowance whose amount does not change gets none.
   *
   * @return the standard, with how many allowances it recomputed and arrears entries it created
   * @throws ProblemException 422 {@code effective-month-outside-year}; 409 {@code standard-not-latest} when
   *     the area has a standard effective in the same or a later month (standards are entered in order)
   */
  @Transactional
  public AllowanceStandard introduce(NewStandard standard, String actor) {
    if (standard.effectiveMonth().getYear() != standard.year()) {
      throw ProblemException.unprocessable("effective-month-outside-year", "effectiveMonth "
          + standard.effectiveMonth() + " is not in year " + standard.year() + ".");
    }
    Optional<AllowanceStandard> latest = standards.latest(standard.area());
    if (latest.isPresent() && !standard.effectiveMonth().isAfter(latest.get().effectiveMonth())) {
      throw ProblemException.conflict("standard-not-latest", "The " + standard.area() + " standard of "
          + latest.get().effectiveMonth() + " is the latest; a new standard takes effect after it.");
    }
    long id = standards.insert(standard.area(), standard.year(), standard.effectiveMonth(), standard.amount(),
        standard.documentReference(), actor);
    YearMonth effective = standard.effectiveMonth();
    int recomputed = 0;
    int arrears = 0;
    // Set-based where it counts (benchmark, README): the allowances, amounts and incomes in two queries, the new
    // entries in JDBC batches; roll corrections only for households of townships that have a roll after the month.
    long started = System.nanoTime();
    List<HouseholdRepository.StandardAmount> entries = new ArrayList<>();
    List<HouseholdRepository.AllowanceOfHousehold> changed = new ArrayList<>();
    List<HouseholdRepository.AllowanceOfHousehold> allowances = households.findAllowancesWithHouseholdFrom(standard.area(),
        effective);
    long loaded = System.nanoTime();
    for (HouseholdRepository.AllowanceOfHousehold a : allowances) {
      int before = entries.size();
      recompute(a.allowance(), a.monthlyIncome(), standard.amount(), effective, entries);
      if (entries.size() > before) {
        changed.add(a);
      }
    }
    long computed = System.nanoTime();
    // Each new entry is one benefit-changed event: the entries are the events' log, the outbox row names them and
    // the relay sends them after the commit (ADR 0007). No event for an allowance whose amount does not change.
    long afterAmountId = outbox.lastAmountId();
    households.insertStandardAmounts(entries, id);
    outbox.appendStandard(id, afterAmountId, entries.size(), clock.now());
    long inserted = System.nanoTime();
    recomputed = changed.size();
    Set<String> townshipsWithRolls = rolls.townshipsWithRollsAfter(effective.minusMonths(1));
    for (HouseholdRepository.AllowanceOfHousehold a : changed) {
      if (townshipsWithRolls.contains(a.regionCode().substring(0, 9))) {
        Allowance now = households.findAllowanceOfHousehold(a.allowance().householdId()).orElseThrow();
        rolls.correctUnsentRolls(now, effective.minusMonths(1));
        arrears += rolls.addStandardArrears(now, effective.minusMonths(1), id);
      }
    }
    standards.recordEffect(id, recomputed, arrears);
    log.info("Standard {} ({} from {}): {} allowances loaded in {} ms, {} recomputed in {} ms, {} amount entries "
        + "(benefit-changed events) inserted in {} ms, rolls and arrears {} ms", id, standard.area(), effective,
        allowances.size(), (loaded - started) / 1_000_000, recomputed, (computed - loaded) / 1_000_000, entries.size(),
        (inserted - computed) / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
    return standards.find(id).orElseThrow();
  }

  /** Every standard recorded, by area and effective month. */
  public List<AllowanceStandard> standards() {
    return standards.all();
  }

  /** Adds to {@code entries} the new amount entries of one allowance under the new standard. */
  private void recompute(Allowance allowance, BigDecimal monthlyIncome, BigDecimal standard, YearMonth effective,
      List<HouseholdRepository.StandardAmount> entries) {
    YearMonth first = allowance.startMonth().isAfter(effective) ? allowance.startMonth() : effective;
    TreeSet<YearMonth> months = new TreeSet<>();
    months.add(first);
    allowance.amounts().stream().filter(a -> !a.withdrawn() && a.fromMonth().isAfter(first))
        .forEach(a -> months.add(a.fromMonth()));
    for (YearMonth month : months) {
      Optional<AllowanceAmount> inForce = allowance.amounts().stream()
          .filter(a -> !a.withdrawn() && !a.fromMonth().isAfter(month))
          .max(Comparator.comparing(AllowanceAmount::fromMonth).thenComparing(AllowanceAmount::id));
      if (inForce.isEmpty()) {
        continue;
      }
      int members = inForce.get().members();
      BigDecimal amount = calculator.monthlyAmount(standard, members, monthlyIncome);
      if (amount.compareTo(inForce.get().amount()) != 0) {
        entries.add(new HouseholdRepository.StandardAmount(allowance.id(), month, amount, members,
            allowance.amountFor(month)));
      }
    }
  }

}
