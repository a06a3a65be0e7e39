package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import gov.civilaffairs.relief.payment.MonthlyEntitlementSource.Entitlement;
import gov.civilaffairs.relief.payment.PaymentRollRepository.LineUpdate;
import gov.civilaffairs.relief.payment.PaymentRollRepository.TownshipRoll;
import gov.civilaffairs.relief.payment.PaymentRollService.RollCorrection;

/**
 * {@link PaymentRollService#correctUnsentRolls} for a set of households at once (a poll of deaths, issue 4): made
 * by {@link PaymentRollService#unsentRollCorrections}, which reads in three queries what the corrections need (the
 * unsent minimum-living-allowance rolls of the townships after a month, shared-locked as the one-household path
 * locks them; the households' MONTHLY lines in them; the months of the townships' sent rolls). {@link #correct}
 * then decides each household's corrections in memory and keeps the line changes for {@link #write}, which makes
 * them in JDBC batches (one DELETE, one UPDATE and one INSERT batch). Each household must be corrected at most once,
 * and nothing else may change its lines before {@link #write}.
 */
public final class UnsentRollCorrections {

  private final PaymentRollRepository rolls;
  private final Map<String, List<TownshipRoll>> unsentRollsOfTownship = new HashMap<>();
  private final Map<String, List<YearMonth>> sentMonthsOfTownship;
  private final Map<Long, Map<Long, RollLine>> linesOfHousehold = new HashMap<>();
  private final List<Long> deletions = new ArrayList<>();
  private final List<LineUpdate> updates = new ArrayList<>();
  private final Map<Long, List<PaymentRollRepository.NewLine>> insertions = new HashMap<>();

  UnsentRollCorrections(PaymentRollRepository rolls, Collection<String> townships, Collection<Long> householdIds,
      YearMonth after) {
    this.rolls = rolls;
    List<TownshipRoll> unsent = rolls.lockUnsentRollsOfTownshipsAfter(AllowanceEntitlements.SCHEME, townships, after);
    unsent.stream().sorted(Comparator.comparing(TownshipRoll::month))
        .forEach(r -> unsentRollsOfTownship.computeIfAbsent(r.townshipCode(), t -> new ArrayList<>()).add(r));
    this.sentMonthsOfTownship = rolls.sentRollMonthsOfTownshipsAfter(AllowanceEntitlements.SCHEME, townships, after);
    rolls.findMonthlyLines(unsent.stream().map(TownshipRoll::id).toList(), householdIds).forEach(line ->
        linesOfHousehold.computeIfAbsent(line.beneficiaryId(), h -> new HashMap<>()).put(line.rollId(), line));
  }

  /**
   * Whether the township has a sent roll of a month after {@code month} (then money may have to be claimed back,
   * which this class does not do: {@link PaymentRollService#claimOverpayment}).
   *
   * @param townshipCode 9-digit township code ({@link PaymentRollService#township})
   * @param month a month not before the one this was made for
   */
  public boolean hasSentRollAfter(String townshipCode, YearMonth month) {
    return sentMonthsOfTownship.getOrDefault(townshipCode, List.of()).stream().anyMatch(m -> m.isAfter(month));
  }

  /**
   * Brings the household's MONTHLY line of every unsent roll of its township after {@code after} to what is now
   * due, exactly as {@link PaymentRollService#correctUnsentRolls(gov.civilaffairs.relief.allowance.Allowance,
   * YearMonth, String)} does, with the entitlement given instead of read: dropped if nothing is due, corrected if
   * the amount changed, added back if it was dropped and is due again. The line changes wait for {@link #write}.
   *
   * @param householdId one of the households this was made for
   * @param region the household's 12-digit village code
   * @param after a month not before the one this was made for
   * @param due the household's entitlement for a roll's month after the change (empty: nothing due)
   * @return the corrections, one per roll changed, oldest month first
   */
  public List<RollCorrection> correct(long householdId, String region, YearMonth after,
      Function<YearMonth, Optional<Entitlement>> due) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    Map<Long, RollLine> lines = linesOfHousehold.getOrDefault(householdId, Map.of());
    List<RollCorrection> corrections = new ArrayList<>();
    for (TownshipRoll roll : unsentRollsOfTownship.getOrDefault(PaymentRollService.township(region), List.of())) {
      if (!roll.month().isAfter(after)) {
        continue;
      }
      Optional<Entitlement> entitlement = due.apply(roll.month());
      BigDecimal amount = entitlement.map(Entitlement::amount).orElse(zero);
      RollLine line = lines.get(roll.id());
      BigDecimal before = line == null ? zero : line.amount();
      if (before.compareTo(amount) == 0) {
        continue;
      }
      if (line != null && amount.signum() == 0) {
        deletions.add(line.id());
      } else if (line != null) {
        updates.add(new LineUpdate(line.id(), amount, entitlement.get().decision()));
      } else {
        insertions.computeIfAbsent(roll.id(), r -> new ArrayList<>()).add(new PaymentRollRepository.NewLine(
            householdId, region, LineKind.MONTHLY, roll.month(), amount, entitlement.get().decision()));
      }
      corrections.add(new RollCorrection(roll.month(), before, amount));
    }
    return corrections;
  }

  /** Makes the line changes {@link #correct} decided, in JDBC batches, and forgets them. */
  public void write() {
    rolls.deleteLines(deletions);
    rolls.updateLines(updates);
    insertions.forEach(rolls::insertLines);
    deletions.clear();
    updates.clear();
    insertions.clear();
  }
}
