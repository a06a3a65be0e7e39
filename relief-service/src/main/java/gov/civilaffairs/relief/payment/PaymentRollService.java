package gov.civilaffairs.relief.payment;

import java.util.UUID;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.relief.events.PaymentRollClosed;
import org.springframework.context.ApplicationEventPublisher;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.Allowance;
import gov.civilaffairs.relief.allowance.HouseholdRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly payment rolls, one per scheme, township and month (issue 5, "Payments"), made from each scheme's
 * {@link MonthlyEntitlementSource}; and the corrections the death rule makes to the minimum living allowance's
 * rolls (DOMAIN.md, "The death rule" points 4 and 7): unsent rolls are corrected in place; money paid in sent
 * rolls for months after a death becomes an overpayment claim; months missed because of a revoked death record
 * become arrears, paid in the next roll of the household's township.
 */
@Service
public class PaymentRollService {

  private final PaymentRollRepository rolls;
  private final HouseholdRepository households;
  private final Map<String, MonthlyEntitlementSource> sources;
  private final AllowanceEntitlements allowance;

  private final ApplicationEventPublisher publisher;
  private final BureauClock clock;

  PaymentRollService(PaymentRollRepository rolls, HouseholdRepository households, List<MonthlyEntitlementSource> sources,
      AllowanceEntitlements allowance, ApplicationEventPublisher publisher, BureauClock clock) {
    this.publisher = publisher;
    this.clock = clock;
    this.rolls = rolls;
    this.households = households;
    this.sources = new TreeMap<>();
    for (MonthlyEntitlementSource source : sources) {
      if (this.sources.put(source.scheme(), source) != null) {
        throw new IllegalStateException("Two MonthlyEntitlementSource beans for scheme " + source.scheme());
      }
    }
    this.allowance = allowance;
  }

  /** The scheme codes that have an entitlement source, sorted. */
  public List<String> schemes() {
    return List.copyOf(sources.keySet());
  }

  /**
   * Generates the rolls of a scheme for a month, one per township within {@code area} that has a payment: one
   * MONTHLY line per entitlement of the scheme's source, plus one ARREARS line per arrears entry of the scheme not
   * yet paid (minimum living allowance: by the household's village; 特困 and children: by the village of the month
   * owed, V53), plus one RETRY line per line of an earlier sent roll of the scheme and township that
   * the bank returned as failed (each failed line is paid again once). Idempotent per roll: a roll that exists for (scheme, township, month) is kept as
   * it is (never regenerated); only townships without a roll get one.
   *
   * @return the month's rolls of the scheme within the area, with summed control totals
   * @throws ProblemException 422 {@code unknown-scheme} if no source serves the scheme
   */
  @Transactional
  public MonthlyRolls generate(String scheme, YearMonth month, RegionScope area) {
    MonthlyEntitlementSource source = source(scheme);
    Map<String, PaymentRoll> existing = new HashMap<>();
    for (PaymentRoll roll : rolls.findRolls(month, scheme, area)) {
      existing.put(roll.townshipCode(), roll);
    }
    Map<String, List<PaymentRollRepository.NewLine>> byTownship = new TreeMap<>();
    for (MonthlyEntitlementSource.Entitlement e : source.entitlements(month)) {
      String township = township(e.regionCode());
      if (area.covers(e.regionCode()) && !existing.containsKey(township)) {
        byTownship.computeIfAbsent(township, t -> new ArrayList<>()).add(new PaymentRollRepository.NewLine(
            e.beneficiaryId(), e.regionCode(), LineKind.MONTHLY, month, e.amount(), e.decision()));
      }
    }
    List<PaymentRollRepository.UnpaidArrears> arrears = AllowanceEntitlements.SCHEME.equals(scheme)
        ? rolls.findUnpaidArrears(area) : rolls.findUnpaidSchemeArrears(scheme, area);
    Map<String, List<PaymentRollRepository.UnpaidArrears>> arrearsByTownship = new TreeMap<>();
    for (PaymentRollRepository.UnpaidArrears a : arrears) {
      String township = township(a.regionCode());
      if (!existing.containsKey(township)) {
        arrearsByTownship.computeIfAbsent(township, t -> new ArrayList<>()).add(a);
        byTownship.computeIfAbsent(township, t -> new ArrayList<>());
      }
    }
    // Lines the bank returned as failed are paid again in the next roll of their scheme and township.
    for (RollLine failed : rolls.findFailedNotCarried(scheme, area)) {
      String township = township(failed.regionCode());
      if (!existing.containsKey(township)) {
        byTownship.computeIfAbsent(township, t -> new ArrayList<>()).add(new PaymentRollRepository.NewLine(
            failed.beneficiaryId(), failed.regionCode(), LineKind.RETRY, failed.forMonth(), failed.amount(),
            DecisionReference.of("PAYMENT_RETURN", failed.id()), failed.id()));
      }
    }
    for (Map.Entry<String, List<PaymentRollRepository.NewLine>> township : byTownship.entrySet()) {
      long rollId;
      try {
        rollId = rolls.insertRoll(scheme, township.getKey(), month);
      } catch (DuplicateKeyException generatedConcurrently) {
        continue;
      }
      List<PaymentRollRepository.NewLine> lines = new ArrayList<>(township.getValue());
      List<PaymentRollRepository.UnpaidArrears> owed = arrearsByTownship.getOrDefault(township.getKey(), List.of());
      for (PaymentRollRepository.UnpaidArrears a : owed) {
        Arrears entry = a.arrears();
        DecisionReference decision = entry.deathRecordId() != null
            ? DecisionReference.of("DEATH_RECORD", entry.deathRecordId())
            : DecisionReference.of("ALLOWANCE_STANDARD", entry.allowanceStandardId());
        lines.add(new PaymentRollRepository.NewLine(a.beneficiaryId(), a.regionCode(), LineKind.ARREARS,
            entry.forMonth(), entry.amount(), decision));
      }
      rolls.insertLines(rollId, lines);
      for (PaymentRollRepository.UnpaidArrears a : owed) {
        rolls.assignArrears(a.arrears().id(), rollId);
      }
    }
    return monthlyRolls(month, scheme, area);
  }

  /**
   * The rolls of a month within an area (optionally of one scheme), with their summed control totals.
   *
   * @param scheme a scheme code, or null for all schemes
   */
  public MonthlyRolls monthlyRolls(YearMonth month, String scheme, RegionScope area) {
    return MonthlyRolls.of(month, scheme, rolls.findRolls(month, scheme, area));
  }

  /**
   * Marks every DRAFT roll of a month within an area (optionally of one scheme) sent to the bank; from then on
   * they never change. Each roll closed publishes {@code relief.payment-roll-closed.v1}. Rolls already sent keep their {@code sentAt}.
   *
   * <p>The month's rolls are locked (FOR UPDATE) before anything else is read, which waits for the deaths holding
   * a shared lock on them (issue 4); the totals read afterwards (counted from the lines when read, V61) are then
   * read in a snapshot taken after those deaths committed, also under REPEATABLE READ (a caller's transaction, such
   * as the audit aspect's, which this joins, makes its snapshot at its first plain read, not at a locking one).
   */
  @Transactional
  public MonthlyRolls markSent(YearMonth month, String scheme, RegionScope area) {
    for (long rollId : rolls.lockRollsForSending(month, scheme, area)) {
      close(rollId);
    }
    return monthlyRolls(month, scheme, area);
  }

  /**
   * Marks one roll sent to the bank; from then on it never changes. Marking a sent roll again returns it
   * unchanged. The roll is locked first, as in {@link #markSent(YearMonth, String, RegionScope)}, so the totals
   * answered and published count what the deaths it waited for committed.
   *
   * @throws ProblemException 404 if there is no such roll within the area
   */
  @Transactional
  public PaymentRoll markSent(long rollId, RegionScope area) {
    rolls.lockRollForSending(rollId).filter(area::covers)
        .orElseThrow(() -> ProblemException.notFound("Payment roll", rollId));
    close(rollId);
    return roll(rollId, area);
  }

  /** Marks a DRAFT roll sent and publishes {@code relief.payment-roll-closed.v1} (outbox, same transaction). */
  private void close(long rollId) {
    if (rolls.markSent(rollId)) {
      PaymentRoll roll = rolls.findRoll(rollId).orElseThrow();
      publisher.publishEvent(new PaymentRollClosed(UUID.randomUUID(), roll.id(), roll.scheme(), roll.townshipCode(),
          roll.month(), roll.lineCount(), roll.totalAmount(), clock.now()));
    }
  }

  /** @throws ProblemException 404 if there is no such roll, or its township is outside the area */
  public PaymentRoll roll(long rollId, RegionScope area) {
    return rolls.findRoll(rollId).filter(r -> area.covers(r.townshipCode()))
        .orElseThrow(() -> ProblemException.notFound("Payment roll", rollId));
  }

  /** A page (from 0) of a roll's lines, ordered by id. @throws ProblemException 404 as {@link #roll} */
  public List<RollLine> lines(long rollId, RegionScope area, int page, int size) {
    return rolls.findLines(roll(rollId, area).id(), page, size);
  }

  /** A page (from 0) of the lines of a month's rolls within an area (optionally one scheme), ordered by id. */
  public List<RollLine> lines(YearMonth month, String scheme, RegionScope area, int page, int size) {
    return rolls.findLines(month, scheme, area, page, size);
  }

  private MonthlyEntitlementSource source(String scheme) {
    MonthlyEntitlementSource source = scheme == null ? null : sources.get(scheme);
    if (source == null) {
      throw ProblemException.unprocessable("unknown-scheme",
          "scheme must be one of " + sources.keySet() + ", was " + scheme);
    }
    return source;
  }

  /**
   * Reads, for {@link UnsentRollCorrections}, what correcting these households' lines in the unsent rolls of these
   * townships after {@code after} needs, in three queries; the rolls stay shared-locked until the caller's
   * transaction ends (as {@link #correctUnsentRolls} locks them).
   *
   * @param townships 9-digit township codes
   * @param householdIds the households whose lines may be corrected
   */
  @Transactional
  public UnsentRollCorrections unsentRollCorrections(java.util.Collection<String> townships,
      java.util.Collection<Long> householdIds, YearMonth after) {
    return new UnsentRollCorrections(rolls, townships, householdIds, after);
  }

  /** The townships with a minimum-living-allowance roll (any status) of a month after the given one. */
  public java.util.Set<String> townshipsWithRollsAfter(YearMonth month) {
    return rolls.townshipsWithRollsAfter(AllowanceEntitlements.SCHEME, month);
  }

  /** The 9-digit township code of a 12-digit village code (GB/T 2260 extended to township and village). */
  public static String township(String villageCode) {
    return villageCode.substring(0, 9);
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
   * it was dropped and is due again. The rolls' totals follow, being counted when read (V61). The unsent rolls are
   * read with a shared lock first ({@link PaymentRollRepository#lockUnsentRollsAfter}): corrections applied in
   * parallel do not wait for each other, a roll being marked sent waits for this transaction, and a roll sent
   * before it is left unchanged (its month is a claim or arrears, {@link #claimOverpayment}, {@link #addArrears}).
   *
   * @return the corrections made, one per roll changed
   */
  @Transactional
  public List<RollCorrection> correctUnsentRolls(Allowance allowance, YearMonth after) {
    return correctUnsentRolls(allowance, after,
        households.findHousehold(allowance.householdId()).orElseThrow().regionCode());
  }

  /**
   * {@link #correctUnsentRolls(Allowance, YearMonth)} for a caller that has the household at hand (the death
   * rule): {@code region} is its village's code, which names the township's rolls.
   */
  @Transactional
  public List<RollCorrection> correctUnsentRolls(Allowance allowance, YearMonth after, String region) {
    List<RollCorrection> corrections = new ArrayList<>();
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    long householdId = allowance.householdId();
    for (PaymentRollRepository.RollState roll : rolls.lockUnsentRollsAfter(AllowanceEntitlements.SCHEME, township(region), after)) {
      Optional<MonthlyEntitlementSource.Entitlement> entitlement = this.allowance.entitlement(householdId, roll.month());
      BigDecimal due = entitlement.map(MonthlyEntitlementSource.Entitlement::amount).orElse(zero);
      Optional<RollLine> line = rolls.findMonthlyLine(roll.id(), householdId);
      BigDecimal before = line.map(RollLine::amount).orElse(zero);
      if (before.compareTo(due) == 0) {
        continue;
      }
      if (line.isPresent() && due.signum() == 0) {
        rolls.deleteLine(line.get().id());
      } else if (line.isPresent()) {
        rolls.updateLine(line.get().id(), due, entitlement.get().decision());
      } else {
        rolls.insertLine(roll.id(), new PaymentRollRepository.NewLine(householdId, region, LineKind.MONTHLY,
            roll.month(), due, entitlement.get().decision()));
      }
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
    for (YearMonth month : rolls.sentRollMonthsAfter(AllowanceEntitlements.SCHEME, townshipOf(allowance), after)) {
      BigDecimal over = rolls.paidInSentRolls(allowance.householdId(), month)
          .subtract(allowance.amountFor(month));
      if (over.signum() > 0) {
        total = total.add(over);
        months.add(month);
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
    for (YearMonth month : rolls.sentRollMonthsAfter(AllowanceEntitlements.SCHEME, townshipOf(allowance), after)) {
      BigDecimal owed = allowance.amountFor(month)
          .subtract(rolls.paidInSentRolls(householdId, month))
          .subtract(rolls.pendingArrears(householdId, month));
      if (owed.signum() > 0) {
        rolls.insertArrears(householdId, month, owed, deathRecordId);
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
    for (YearMonth month : rolls.sentRollMonthsAfter(AllowanceEntitlements.SCHEME, townshipOf(allowance), after)) {
      BigDecimal owed = allowance.amountFor(month)
          .subtract(rolls.paidInSentRolls(allowance.householdId(), month))
          .subtract(rolls.pendingArrears(allowance.householdId(), month));
      if (owed.signum() > 0) {
        rolls.insertStandardArrears(allowance.householdId(), month, owed, allowanceStandardId);
        added++;
      }
    }
    return added;
  }

  private String townshipOf(Allowance allowance) {
    return township(households.findHousehold(allowance.householdId()).orElseThrow().regionCode());
  }
}
