package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

import gov.civilaffairs.eldercare.events.AllowanceTerminated;
import gov.civilaffairs.eldercare.events.EldercareEvents;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersonStatus;
import gov.civilaffairs.eldercare.person.PersonDeath;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Old-age allowances (高龄津贴): grant by age band, stop on a death with the month rule, resume with arrears
 * when the death record is revoked. Bands, amounts and the month rule: {@link OldAgeAllowanceProperties}.
 */
@Service
public class OldAgeAllowances {

  private final OldAgeAllowanceRepository repository;
  private final AllowanceRollRepository rolls;
  private final OldAgeAllowanceProperties policy;
  private final BureauClock clock;
  private final EldercareEvents events;

  OldAgeAllowances(OldAgeAllowanceRepository repository, AllowanceRollRepository rolls,
      OldAgeAllowanceProperties policy, BureauClock clock, EldercareEvents events) {
    this.repository = repository;
    this.rolls = rolls;
    this.events = events;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Grants the allowance from {@code startMonth} at the amount of the person's band in that month.
   *
   * @throws ProblemException 422 {@code person-deceased}; 422 {@code under-allowance-age} when the person is under
   *     the lowest band in the start month; 409 {@code allowance-exists} when the person already has one
   */
  @Transactional
  public OldAgeAllowance grant(ElderlyPerson person, YearMonth startMonth) {
    if (person.status() == ElderlyPersonStatus.DECEASED) {
      throw ProblemException.unprocessable("person-deceased", "No allowance is granted to a deceased person.");
    }
    BigDecimal amount = policy.monthlyAmount(person.birthDate(), startMonth)
        .orElseThrow(() -> ProblemException.unprocessable("under-allowance-age", "In " + startMonth
            + " the person is under the lowest age band of the old-age allowance ("
            + policy.bands().get(0).minimumAge() + ", city policy)."));
    if (repository.findByPerson(person.id()).isPresent()) {
      throw ProblemException.conflict("allowance-exists", "The person already has an old-age allowance.");
    }
    return repository.insert(person.id(), amount, startMonth);
  }

  /**
   * Starts the allowance automatically for every living person who is in an age band in {@code month} and has
   * none yet. It starts in the month the person reaches the lowest band ({@code MONTH_OF_BIRTHDAY} by default,
   * {@link OldAgeAllowanceProperties#firstMonthOfLowestBand}), but not before the month the person was
   * registered here (Asia/Shanghai): months before registration are claimed by a back-dated grant (POST).
   *
   * @return the number of allowances started (inserted in JDBC batches)
   */
  @Transactional
  public int startDue(YearMonth month) {
    YearMonth reckoned = policy.bandStart() == OldAgeAllowanceProperties.BandStart.MONTH_AFTER_BIRTHDAY
        ? month.minusMonths(1) : month;
    LocalDate bornBy = reckoned.atEndOfMonth().minusYears(policy.bands().get(0).minimumAge());
    List<OldAgeAllowanceRepository.NewAllowance> started = new ArrayList<>();
    for (var candidate : repository.candidatesBornBy(bornBy)) {
      YearMonth inBand = policy.firstMonthOfLowestBand(candidate.birthDate());
      YearMonth registered = clock.civilMonth(candidate.registeredAt());
      YearMonth startMonth = inBand.isAfter(registered) ? inBand : registered;
      if (startMonth.isAfter(month)) {
        continue;
      }
      policy.monthlyAmount(candidate.birthDate(), startMonth).ifPresent(amount ->
          started.add(new OldAgeAllowanceRepository.NewAllowance(candidate.personId(), amount, startMonth)));
    }
    repository.insertAll(started);
    return started.size();
  }

  /** The person's allowance, if any. */
  public Optional<OldAgeAllowance> of(ElderlyPerson person) {
    return repository.findByPerson(person.id());
  }

  /** The allowance's overpayment claims, oldest first (OPEN or WITHDRAWN). */
  public List<OverpaymentClaim> claimsOf(OldAgeAllowance allowance) {
    return rolls.claims(allowance.id());
  }

  /** The arrears paid back on the allowance, by month. */
  public List<AllowanceArrears> arrearsOf(OldAgeAllowance allowance) {
    return repository.arrearsOf(allowance.id());
  }

  /**
   * Stops the person's ACTIVE allowance after the last month paid for a death on {@code dateOfDeath}
   * ({@link OldAgeAllowanceProperties#lastPaidMonth(LocalDate)}); an allowance that had not started yet ends
   * before its start month. Rolls not yet sent drop the months after the end month (DOMAIN.md death rule 4,
   * applied to this allowance as to relief's); what sent rolls paid for later months becomes an OPEN
   * {@link OverpaymentClaim}. Publishes {@link AllowanceTerminated} through the outbox.
   *
   * @return the allowance as stopped, empty when there was no active allowance
   */
  @Transactional
  public Optional<OldAgeAllowance> stopForDeath(ElderlyPerson person, long deathRecordId, LocalDate dateOfDeath) {
    return repository.findByPerson(person.id())
        .filter(allowance -> allowance.status() == AllowanceStatus.ACTIVE)
        .map(allowance -> {
          YearMonth lastPaid = policy.lastPaidMonth(dateOfDeath);
          YearMonth endMonth = lastPaid.isBefore(allowance.startMonth()) ? allowance.startMonth().minusMonths(1)
              : lastPaid;
          repository.stop(allowance.id(), endMonth, deathRecordId);
          rolls.dropUnsentLinesAfter(allowance.id(), endMonth);
          List<AllowanceRollLine> overpaid = rolls.sentLinesAfter(allowance.id(), endMonth);
          BigDecimal overpayment = overpaid.stream().map(AllowanceRollLine::amount)
              .reduce(new BigDecimal("0.00"), BigDecimal::add);
          if (!overpaid.isEmpty()) {
            rolls.insertClaim(allowance.id(), deathRecordId, overpaid.get(0).forMonth(),
                overpaid.get(overpaid.size() - 1).forMonth(), overpaid.size(), overpayment, clock.now());
          }
          events.allowanceTerminated(new AllowanceTerminated(UUID.randomUUID(), person.id(), allowance.id(),
              AllowanceTerminated.DEATH, deathRecordId, endMonth, overpayment, clock.now()));
          return new OldAgeAllowance(allowance.id(), allowance.personId(), allowance.monthlyAmount(),
              allowance.startMonth(), endMonth, AllowanceStatus.STOPPED, deathRecordId);
        });
  }

  /**
   * {@link #stopForDeath} for a poll's deaths at once (issue 4), with the same rows and events: one query reads
   * the persons' allowances, one UPDATE stops the active ones (locked in id order), the lines after each end month
   * are dropped from unsent rolls (rolls read {@code LOCK IN SHARE MODE}, as {@link #stopForDeath} reads them) and
   * read from sent rolls in one query each, and the overpayment claims are one multi-row INSERT. The events are
   * published in the order of {@code deaths}.
   *
   * @param deaths of distinct persons
   * @return person id to the allowance as stopped; persons without an active allowance are absent
   */
  @Transactional
  public Map<Long, OldAgeAllowance> stopForDeaths(List<PersonDeath> deaths) {
    Map<Long, OldAgeAllowance> active = new HashMap<>();
    repository.findByPersons(deaths.stream().map(death -> death.person().id()).toList()).stream()
        .filter(allowance -> allowance.status() == AllowanceStatus.ACTIVE)
        .forEach(allowance -> active.put(allowance.personId(), allowance));
    Map<Long, OldAgeAllowance> stopped = new LinkedHashMap<>();
    Map<Long, OldAgeAllowanceRepository.Stop> stops = new TreeMap<>();
    for (PersonDeath death : deaths) {
      OldAgeAllowance allowance = active.get(death.person().id());
      if (allowance != null) {
        YearMonth lastPaid = policy.lastPaidMonth(death.dateOfDeath());
        YearMonth endMonth = lastPaid.isBefore(allowance.startMonth()) ? allowance.startMonth().minusMonths(1)
            : lastPaid;
        stops.put(allowance.id(), new OldAgeAllowanceRepository.Stop(endMonth, death.deathRecordId()));
        stopped.put(death.person().id(), new OldAgeAllowance(allowance.id(), allowance.personId(),
            allowance.monthlyAmount(), allowance.startMonth(), endMonth, AllowanceStatus.STOPPED,
            death.deathRecordId()));
      }
    }
    if (stops.isEmpty()) {
      return stopped;
    }
    repository.stopAll(stops);
    rolls.dropUnsentLinesAfterEndMonths(stops.keySet());
    Map<Long, List<AllowanceRollLine>> overpaid = rolls.sentLinesAfterEndMonths(stops.keySet());
    Instant now = clock.now();
    List<AllowanceRollRepository.NewClaim> claims = new ArrayList<>();
    for (OldAgeAllowance allowance : stopped.values()) {
      List<AllowanceRollLine> lines = overpaid.getOrDefault(allowance.id(), List.of());
      BigDecimal overpayment = lines.stream().map(AllowanceRollLine::amount)
          .reduce(new BigDecimal("0.00"), BigDecimal::add);
      if (!lines.isEmpty()) {
        claims.add(new AllowanceRollRepository.NewClaim(allowance.id(), allowance.stoppedByDeathRecordId(),
            lines.get(0).forMonth(), lines.get(lines.size() - 1).forMonth(), lines.size(), overpayment));
      }
      events.allowanceTerminated(new AllowanceTerminated(UUID.randomUUID(), allowance.personId(), allowance.id(),
          AllowanceTerminated.DEATH, allowance.stoppedByDeathRecordId(), allowance.endMonth(), overpayment, now));
    }
    rolls.insertClaims(claims, now);
    return stopped;
  }

  /**
   * Resumes the allowance that this death record stopped. Every month after its end month and before the
   * current month (Asia/Shanghai), unless a sent roll paid it already, becomes an arrears entry at that month's
   * band amount, paid by the next roll generated; the current month
   * and the following are paid by the monthly roll as usual, at the current band's amount.
   *
   * @return the allowance resumed and its new arrears, empty when this record stopped no allowance
   */
  @Transactional
  public Optional<Resumption> resumeAfterRevocation(ElderlyPerson person, long deathRecordId) {
    return repository.findByPerson(person.id())
        .filter(allowance -> allowance.status() == AllowanceStatus.STOPPED)
        .filter(allowance -> Long.valueOf(deathRecordId).equals(allowance.stoppedByDeathRecordId()))
        .map(allowance -> {
          YearMonth currentMonth = clock.currentMonth();
          List<AllowanceArrears> arrears = new ArrayList<>();
          List<YearMonth> alreadyPaid = rolls.monthsPaid(allowance.id());
          rolls.withdrawClaims(allowance.id(), deathRecordId, clock.now());
          for (YearMonth month = allowance.endMonth().plusMonths(1); month.isBefore(currentMonth);
              month = month.plusMonths(1)) {
            if (alreadyPaid.contains(month)) {
              continue;
            }
            BigDecimal amount = policy.monthlyAmount(person.birthDate(), month).orElse(allowance.monthlyAmount());
            AllowanceArrears owed = new AllowanceArrears(month, amount, deathRecordId);
            repository.insertArrears(allowance.id(), owed);
            arrears.add(owed);
          }
          BigDecimal amount = policy.monthlyAmount(person.birthDate(), currentMonth).orElse(allowance.monthlyAmount());
          repository.resume(allowance.id(), amount);
          return new Resumption(new OldAgeAllowance(allowance.id(), allowance.personId(), amount,
              allowance.startMonth(), null, AllowanceStatus.ACTIVE, null), List.copyOf(arrears));
        });
  }

  /**
   * An allowance resumed after a revoked death record.
   *
   * @param allowance as resumed
   * @param arrears the months paid back, oldest first
   */
  public record Resumption(OldAgeAllowance allowance, List<AllowanceArrears> arrears) {

    /** The sum of the arrears, yuan, scale 2. */
    public BigDecimal totalArrears() {
      return arrears.stream().map(AllowanceArrears::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
  }
}
