package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.events.BenefitGranted;
import gov.civilaffairs.relief.events.BenefitTerminated;
import gov.civilaffairs.relief.person.PersonIndex;
import gov.civilaffairs.relief.person.PersonStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers allowance households with their allowance, reads them, and names a new head. The
 * application workflow before confirmation (intake, verification, review) is not modelled here: a
 * household is registered as confirmed, with its assessed monthly income.
 */
@Service
public class HouseholdService {

  private final HouseholdRepository households;
  private final AllowanceCalculator calculator;
  private final RegionDirectory regions;
  private final PersonIndex persons;

  private final ApplicationEventPublisher publisher;
  private final BureauClock clock;

  HouseholdService(HouseholdRepository households, AllowanceCalculator calculator, RegionDirectory regions,
      PersonIndex persons, ApplicationEventPublisher publisher, BureauClock clock) {
    this.publisher = publisher;
    this.clock = clock;
    this.households = households;
    this.calculator = calculator;
    this.regions = regions;
    this.persons = persons;
  }

  /**
   * Asks registry-service's person index about every member before a household is registered or an
   * application confirmed (issue 5: a dead person cannot be enrolled, nor a person the registry does not
   * index). Called outside a transaction: no database connection is held while the registry answers.
   *
   * @param nationalIdNumbers normalised national ID numbers
   * @throws ProblemException 422 {@code person-not-enrollable} naming each member (masked) the registry
   *     knows as deceased or does not index, with its status; 503 {@code registry-unavailable} when the
   *     registry did not answer (nothing is registered; the caller may try again)
   */
  public void checkEnrollable(List<String> nationalIdNumbers) {
    Map<String, PersonStatus> statuses = persons.check(nationalIdNumbers);
    if (statuses.containsValue(PersonStatus.UNAVAILABLE)) {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
          "registry-service's person index did not answer; nothing was registered. Try again later.");
    }
    List<Map<String, String>> refused = statuses.entrySet().stream()
        .filter(e -> !e.getValue().enrollable())
        .map(e -> Map.of("nationalIdNumber", NationalIdNumber.parse(e.getKey()).toString(),
            "registryStatus", e.getValue().name()))
        .toList();
    if (!refused.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "person-not-enrollable",
          refused.size() + " member(s) cannot be enrolled: the registry knows them as deceased (DECEASED) or "
              + "does not index them (NOT_INDEXED).", Map.of("members", refused));
    }
  }

  /**
   * A person is not both in an allowance household and an extreme-poverty person (国发〔2016〕14号: 特困人员 are
   * supported instead of the allowance).
   *
   * @throws ProblemException 409 {@code already-covered} naming (masked) the members with an open or supported
   *     extreme-poverty case
   */
  public void refuseExtremePoverty(List<String> nationalIdNumbers) {
    List<String> supported = households.extremePovertyIdNumbers(nationalIdNumbers);
    if (!supported.isEmpty()) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-covered", supported.size() + " member(s) have an open "
          + "or supported extreme-poverty case (特困); a person is not both in an allowance household and an "
          + "extreme-poverty person.",
          Map.of("members", supported.stream().map(NationalIdNumber::parse).map(Object::toString).toList()));
    }
  }

  /** A member as registered. */
  public record NewMember(NationalIdNumber nationalIdNumber, String name, Relation relation) {
  }

  /**
   * Registers a household and grants its allowance from {@code startMonth}, at the amount of the
   * difference method ({@link AllowanceCalculator}).
   *
   * @return the household's id
   * @param regionCode the 12-digit code of a village or community committee (GB/T 2260 and the
   *     statistical division codes), for example {@code 330681109290}
   * @throws ProblemException 422 {@code unknown-village} if the region code is not a known village or
   *     community, 422 {@code head-required} unless exactly one member is the head,
   *     422 {@code duplicate-member} if a number appears twice, 422 {@code not-eligible} if the
   *     household's income is not under the standard, 409 {@code already-in-household} if a member
   *     already belongs to a household (a person is in at most one allowance household), 409
   *     {@code already-covered} if a member has an open or supported extreme-poverty case
   */
  @Transactional
  public long register(String regionCode, Area area, BigDecimal monthlyIncome, YearMonth startMonth,
      List<NewMember> members) {
    return register(regionCode, area, monthlyIncome, startMonth, members, null);
  }

  /**
   * As {@link #register(String, Area, BigDecimal, YearMonth, List)}, for a confirmed application; publishes
   * {@code relief.benefit-granted.v1} (through the outbox, in the same transaction) naming the application.
   *
   * @param applicationId the confirmed application, or null for a direct registration
   */
  @Transactional
  public long register(String regionCode, Area area, BigDecimal monthlyIncome, YearMonth startMonth,
      List<NewMember> members, Long applicationId) {
    if (regions.find(regionCode).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-village",
          "Region code " + regionCode + " is not a known village or community committee.");
    }
    if (members.stream().filter(m -> m.relation() == Relation.HEAD).count() != 1) {
      throw ProblemException.unprocessable("head-required", "Exactly one member must have relation HEAD.");
    }
    List<String> numbers = members.stream().map(m -> m.nationalIdNumber().value()).toList();
    if (new HashSet<>(numbers).size() != numbers.size()) {
      throw ProblemException.unprocessable("duplicate-member", "A national ID number appears more than once.");
    }
    if (!calculator.isEligible(area, members.size(), monthlyIncome, startMonth)) {
      throw ProblemException.unprocessable("not-eligible",
          "The household's per-capita monthly income is not under the " + area + " allowance standard.");
    }
    refuseExtremePoverty(numbers);
    List<String> registered = households.registeredIdNumbers(numbers);
    if (!registered.isEmpty()) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-in-household",
          registered.size() + " member(s) already belong to an allowance household.",
          Map.of("members", registered.stream().map(NationalIdNumber::parse).map(Object::toString).toList()));
    }
    long householdId = households.insertHousehold(regionCode, area, monthlyIncome);
    members.forEach(m -> households.insertMember(householdId, m.nationalIdNumber().value(), m.name(), m.relation()));
    long allowanceId = households.insertAllowance(householdId, startMonth);
    BigDecimal amount = calculator.monthlyAmount(area, members.size(), monthlyIncome, startMonth);
    households.insertAmount(allowanceId, startMonth, amount, members.size(), null);
    publisher.publishEvent(new BenefitGranted(UUID.randomUUID(), householdId, allowanceId,
        BenefitTerminated.MINIMUM_LIVING_ALLOWANCE, regionCode, startMonth, amount, members.size(), applicationId,
        clock.now()));
    return householdId;
  }

  /** @throws ProblemException 404 if there is no such household */
  public Household household(long id) {
    return households.findHousehold(id).orElseThrow(() -> ProblemException.notFound("Household", id));
  }

  /** The household's allowance. @throws ProblemException 404 if there is no such household */
  public Allowance allowance(long householdId) {
    return households.findAllowanceOfHousehold(householdId)
        .orElseThrow(() -> ProblemException.notFound("Household", householdId));
  }

  /**
   * The household if it lies within the caller's area (issue 3: object-level check).
   *
   * @throws ProblemException 404 if there is no such household or it lies outside {@code area}, so
   *     that a caller cannot learn which households exist elsewhere
   */
  public Household household(long id, RegionScope area) {
    return households.findHousehold(id).filter(household -> area.covers(household.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Household", id));
  }

  /** A page (from 0) of the households within {@code area}, ordered by id. */
  public List<Household> households(RegionScope area, int page, int size) {
    return households.findHouseholds(area, page, size);
  }

  /**
   * Names a living member the new head of the household and clears the head-required flag.
   *
   * @throws ProblemException 404 if there is no such household, 422 {@code not-a-living-member} if the
   *     person is not a living member of it
   */
  @Transactional
  public Household nameHead(long householdId, NationalIdNumber nationalIdNumber) {
    Member member = household(householdId).member(nationalIdNumber.value()).filter(Member::living)
        .orElseThrow(() -> ProblemException.unprocessable("not-a-living-member",
            "The new head must be a living member of household " + householdId + "."));
    households.nameHead(householdId, member.id());
    return household(householdId);
  }
}
