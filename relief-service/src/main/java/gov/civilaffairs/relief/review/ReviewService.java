package gov.civilaffairs.relief.review;

import java.util.UUID;
import gov.civilaffairs.relief.events.BenefitChanged;
import gov.civilaffairs.relief.events.BenefitTerminated;
import org.springframework.context.ApplicationEventPublisher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.function.LongConsumer;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.Allowance;
import gov.civilaffairs.relief.allowance.AllowanceCalculator;
import gov.civilaffairs.relief.allowance.AllowanceStatus;
import gov.civilaffairs.relief.allowance.Household;
import gov.civilaffairs.relief.allowance.HouseholdRepository;
import gov.civilaffairs.relief.allowance.HouseholdRepository.ReviewCandidate;
import gov.civilaffairs.relief.allowance.HouseholdService;
import gov.civilaffairs.relief.allowance.Member;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.payment.PaymentRollService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Periodic review (动态管理) of allowance households and changes of their members (民发〔2021〕57号: the
 * township reviews allowance households regularly and adjusts the allowance when income or household
 * changes: 增发, 减发, 停发). A review or change takes effect from the month after the day it is recorded:
 * the amount from then on is the difference method on the re-assessed income and the living members; a
 * household no longer under the standard is stopped (its last month paid is the current one). Unsent rolls
 * of later months are corrected.
 *
 * <p>Review schedule: every {@code relief.review.working-age-interval-months} (6) for a household with a
 * living member of working age, else every {@code stable-interval-months} (12), counted from the month of the
 * last review or, before the first, from the allowance's start month ({@link ReviewProperties}). Work
 * ability is not recorded yet: every member of working age counts as able to work.
 */
@Service
public class ReviewService {

  private final HouseholdRepository households;
  private final HouseholdService householdService;
  private final AllowanceCalculator calculator;
  private final PaymentRollService rolls;
  private final ReviewRepository changes;
  private final ReviewProperties properties;
  private final BureauClock clock;
  private final TransactionTemplate transactions;

  private final ApplicationEventPublisher publisher;

  ReviewService(HouseholdRepository households, HouseholdService householdService, AllowanceCalculator calculator,
      PaymentRollService rolls, ReviewRepository changes, ReviewProperties properties, BureauClock clock,
      TransactionTemplate transactions, ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.households = households;
    this.householdService = householdService;
    this.calculator = calculator;
    this.rolls = rolls;
    this.changes = changes;
    this.properties = properties;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** How often a household is reviewed. */
  public enum Cycle {
    YEARLY,
    HALF_YEARLY
  }

  /**
   * When a household is next reviewed.
   *
   * @param lastReviewedOn the day of the last review, null before the first
   * @param dueMonth the month the next review is due
   */
  public record Schedule(long householdId, String regionCode, Cycle cycle, LocalDate lastReviewedOn,
      YearMonth dueMonth) {
  }

  /** The households within {@code area} whose review is due in {@code month} or earlier, ordered by id. */
  public List<Schedule> due(RegionScope area, YearMonth month) {
    LocalDate today = clock.today();
    return households.reviewCandidates(area, today.minusYears(properties.workingAgeTo() + 1L),
            today.minusYears(properties.workingAgeFrom())).stream()
        .map(this::schedule)
        .filter(s -> !s.dueMonth().isAfter(month))
        .toList();
  }

  /** @throws ProblemException 404 if there is no such household within {@code area} */
  public Schedule schedule(long householdId, RegionScope area) {
    Household household = householdService.household(householdId, area);
    Allowance allowance = householdService.allowance(householdId);
    LocalDate today = clock.today();
    boolean workingAge = household.members().stream().filter(Member::living)
        .map(m -> Period.between(m.birthDate(), today).getYears())
        .anyMatch(age -> age >= properties.workingAgeFrom() && age <= properties.workingAgeTo());
    return schedule(new ReviewCandidate(householdId, household.regionCode(),
        households.lastReviewedOn(householdId).orElse(null), allowance.startMonth(), workingAge));
  }

  /** The household's reviews and member changes, oldest first. @throws ProblemException 404 outside the area */
  public List<HouseholdChange> changes(long householdId, RegionScope area) {
    householdService.household(householdId, area);
    return changes.ofHousehold(householdId);
  }

  /**
   * Records a periodic review with the household's re-assessed monthly income.
   *
   * @param reviewedOn the day of the review visit, not after today
   * @param monthlyIncome re-assessed household income, yuan
   * @param stop stop the allowance whatever the income (e.g. the household refused the review), with findings
   * @return the change, with its outcome RAISE, REDUCE, STOP or UNCHANGED
   * @throws ProblemException 404 outside the area; 409 {@code allowance-not-active}; 422 {@code date-in-future},
   *     {@code findings-required} (a stop states why)
   */
  public HouseholdChange review(long householdId, Caller caller, LocalDate reviewedOn, BigDecimal monthlyIncome,
      String findings, boolean stop) {
    Household household = householdService.household(householdId, caller.regionScope());
    notInFuture(reviewedOn);
    if (stop && (findings == null || findings.isBlank())) {
      throw ProblemException.unprocessable("findings-required", "A stop states its reasons in findings.");
    }
    return apply(household, caller, HouseholdChange.Kind.PERIODIC_REVIEW, reviewedOn, monthlyIncome,
        household.livingMembers(), null, null, findings, stop, changeId -> { });
  }

  /**
   * Records a member change: a birth or a marriage adds a member, a move (or marriage out) removes one.
   *
   * @param monthlyIncome the household's monthly income after the change, yuan; null keeps the current one
   * @throws ProblemException 404 outside the area; 409 {@code allowance-not-active}, {@code already-in-household}, {@code already-covered} (特困);
   *     422 {@code date-in-future}, {@code birth-date-mismatch} (a birth on another day than the ID number's),
   *     {@code not-a-living-member}, {@code head-cannot-leave} (name a new head first), {@code name-required},
   *     {@code person-not-enrollable}; 503 {@code registry-unavailable}
   */
  public HouseholdChange memberChange(long householdId, Caller caller, HouseholdChange.Kind kind,
      NationalIdNumber number, String name, Relation relation, LocalDate changedOn, BigDecimal monthlyIncome,
      String findings) {
    Household household = householdService.household(householdId, caller.regionScope());
    notInFuture(changedOn);
    BigDecimal income = monthlyIncome == null ? household.monthlyIncome() : monthlyIncome;
    if (kind == HouseholdChange.Kind.MOVED_OUT) {
      Member member = household.member(number.value()).filter(Member::living)
          .orElseThrow(() -> ProblemException.unprocessable("not-a-living-member",
              "The person is not a living member of household " + householdId + "."));
      if (member.head()) {
        throw ProblemException.unprocessable("head-cannot-leave", "The head cannot leave; name a new head first "
            + "(PUT /households/" + householdId + "/head).");
      }
      return apply(household, caller, kind, changedOn, income, household.livingMembers() - 1, member.nationalIdNumber(),
          member.name(), findings, false, changeId -> households.removeMember(member, changedOn, changeId));
    }
    if (name == null || name.isBlank()) {
      throw ProblemException.unprocessable("name-required", "A member who joins needs a name.");
    }
    if (kind == HouseholdChange.Kind.BIRTH && !number.birthDate().equals(changedOn)) {
      throw ProblemException.unprocessable("birth-date-mismatch", "changedOn must be the birth date in the ID "
          + "number for a birth.");
    }
    if (households.findHouseholdOfMember(number.value()).isPresent()) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-in-household",
          "The person already belongs to an allowance household; they leave it first (MOVED_OUT).");
    }
    householdService.refuseExtremePoverty(List.of(number.value()));
    householdService.checkEnrollable(List.of(number.value()));
    Relation joining = relation != null ? relation
        : kind == HouseholdChange.Kind.BIRTH ? Relation.CHILD : Relation.SPOUSE;
    return apply(household, caller, kind, changedOn, income, household.livingMembers() + 1, number.value(),
        name.strip(), findings, false, changeId -> households.addMember(householdId, number.value(), name.strip(),
            joining));
  }

  private HouseholdChange apply(Household household, Caller caller, HouseholdChange.Kind kind, LocalDate changedOn,
      BigDecimal incomeAfter, int membersAfter, String memberNumber, String memberName, String findings,
      boolean forcedStop, LongConsumer memberAction) {
    Allowance allowance = householdService.allowance(household.id());
    if (allowance.status() != AllowanceStatus.ACTIVE) {
      throw ProblemException.conflict("allowance-not-active", "The household's allowance is " + allowance.status()
          + "; reviews and member changes apply to active allowances.");
    }
    LocalDate today = clock.today();
    YearMonth current = YearMonth.from(today);
    YearMonth from = current.plusMonths(1);
    BigDecimal before = allowance.amountFor(from);
    boolean stop = forcedStop || membersAfter < 1
        || !calculator.isEligible(household.area(), membersAfter, incomeAfter, from);
    BigDecimal after = stop ? BigDecimal.ZERO.setScale(2)
        : calculator.monthlyAmount(household.area(), membersAfter, incomeAfter, from);
    HouseholdChange.Outcome outcome = stop ? HouseholdChange.Outcome.STOP
        : after.compareTo(before) > 0 ? HouseholdChange.Outcome.RAISE
        : after.compareTo(before) < 0 ? HouseholdChange.Outcome.REDUCE : HouseholdChange.Outcome.UNCHANGED;
    long id = transactions.execute(tx -> {
      long changeId = changes.insert(new HouseholdChange(0, household.id(), kind, today, changedOn, from, memberNumber,
          memberName, household.monthlyIncome(), incomeAfter, household.livingMembers(), membersAfter, before, after,
          outcome, findings == null || findings.isBlank() ? null : findings.strip(), caller.id(), null));
      memberAction.accept(changeId);
      households.updateIncome(household.id(), incomeAfter,
          kind == HouseholdChange.Kind.PERIODIC_REVIEW ? changedOn : null);
      if (stop) {
        households.stop(allowance.id(), current);
      } else if (outcome != HouseholdChange.Outcome.UNCHANGED || membersAfter != household.livingMembers()) {
        households.insertChangeAmount(allowance.id(), from, after, membersAfter, changeId);
        if (after.compareTo(before) != 0) {
          publisher.publishEvent(new BenefitChanged(UUID.randomUUID(), household.id(), allowance.id(),
              BenefitTerminated.MINIMUM_LIVING_ALLOWANCE, from, before, after, membersAfter,
              kind == HouseholdChange.Kind.PERIODIC_REVIEW ? BenefitChanged.PERIODIC_REVIEW : BenefitChanged.MEMBER_CHANGE,
              changeId, clock.now()));
        }
      }
      rolls.correctUnsentRolls(householdService.allowance(household.id()), current);
      return changeId;
    });
    return changes.find(id);
  }

  private Schedule schedule(ReviewCandidate candidate) {
    Cycle cycle = candidate.workingAgeMember() ? Cycle.HALF_YEARLY : Cycle.YEARLY;
    int interval = cycle == Cycle.HALF_YEARLY ? properties.workingAgeIntervalMonths() : properties.stableIntervalMonths();
    YearMonth base = candidate.lastReviewedOn() != null ? YearMonth.from(candidate.lastReviewedOn())
        : candidate.allowanceStart();
    return new Schedule(candidate.householdId(), candidate.regionCode(), cycle, candidate.lastReviewedOn(),
        base.plusMonths(interval));
  }

  private void notInFuture(LocalDate day) {
    if (day.isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", day + " is after today.");
    }
  }
}
