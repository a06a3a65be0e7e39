package gov.civilaffairs.relief.extremepoverty;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.time.CalendarNotCoveredException;
import gov.civilaffairs.platform.time.WorkingDayCalendar;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.AllowanceCalculator;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.person.PersonIndex;
import gov.civilaffairs.relief.person.PersonStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Determination of extreme-poverty persons (特困人员认定办法, 民发〔2021〕43号): application to and first review by the township,
 * determination by the county civil-affairs department (art. 3: 乡镇 受理、初审, 县级民政部门 审核确认), or refusal
 * with reasons; and the support it grants (《国务院关于进一步健全特困人员救助供养制度的意见》
 * 国发〔2016〕14号): support mode (集中 / 分散供养), care level, and the monthly amount (basic living standard + care
 * allowance, {@link SupportAmount}, local values {@link ExtremePovertyProperties}).
 *
 * <p>The conditions (《社会救助暂行办法》 art. 14 and 民发〔2021〕43号, all three): no ability to work (无劳动能力), no source of income (无生活
 * 来源), no person legally obliged to support them or none able to (无法定赡养、抚养、扶养义务人或者其法定义务人无履行
 * 义务能力). A person is either in a minimum-living-allowance household or an extreme-poverty person, never both
 * (《社会救助暂行办法》 art. 14 and 国发〔2016〕14号: 特困人员 are supported instead of the allowance): checked here
 * against active allowance households and by the allowance's intake against open and supported cases here.
 * Support is paid from the month after the determination (city policy like the allowance's, verify). Deadlines:
 * the township reviews within {@code township-review-working-days} (15) working days of intake and the county
 * determines within {@code determination-working-days} (15) of the review (民发〔2021〕43号, verify the days), counted
 * on the official calendar ({@link WorkingDayCalendar}); a case shows its due dates and whether it is overdue.
 */
@Service
public class ExtremePovertyService {

  private final ExtremePovertyRepository cases;
  private final PersonIndex persons;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final AllowanceCalculator allowances;
  private final ExtremePovertyProperties properties;
  private final TransactionTemplate transactions;
  private final ExtremePovertyDeathRule deaths;
  private final WorkingDayCalendar calendar;

  ExtremePovertyService(ExtremePovertyRepository cases, PersonIndex persons, RegionDirectory regions,
      BureauClock clock, AllowanceCalculator allowances, ExtremePovertyProperties properties,
      TransactionTemplate transactions, ExtremePovertyDeathRule deaths, WorkingDayCalendar calendar) {
    this.cases = cases;
    this.persons = persons;
    this.regions = regions;
    this.clock = clock;
    this.allowances = allowances;
    this.properties = properties;
    this.transactions = transactions;
    this.deaths = deaths;
    this.calendar = calendar;
  }

  /** What death records did to the case: "why was this stopped?", oldest first. @throws ProblemException 404 */
  public List<SchemeChange> changes(long id, RegionScope area) {
    find(id, area);
    return deaths.changes(id);
  }

  /** An application as the township takes it. */
  public record Application(String regionCode, NationalIdNumber nationalIdNumber, String name, Area area,
      String circumstances) {
  }

  /** The township's verified conditions (《社会救助暂行办法》 art. 14; 民发〔2021〕43号). */
  public record Conditions(boolean noWorkAbility, boolean noIncomeSource, boolean noAbleSupporter, String findings) {
  }

  /**
   * Takes an application (受理).
   *
   * @throws ProblemException 422 {@code unknown-village}, {@code person-not-enrollable} (deceased or not indexed,
   *     member {@code registryStatus}); 409 {@code already-covered} (an open or supported extreme-poverty case,
   *     member {@code caseId}; or a living member of a household with an active allowance); 503
   *     {@code registry-unavailable} when registry-service does not answer (nothing is stored)
   */
  public ExtremePovertyCase apply(Application application, Caller caller) {
    if (regions.find(application.regionCode()).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-village",
          "Region code " + application.regionCode() + " is not a known village or community committee.");
    }
    String number = application.nationalIdNumber().value();
    PersonStatus status = persons.check(number);
    if (status == PersonStatus.DECEASED || status == PersonStatus.NOT_INDEXED) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "person-not-enrollable", "The registry knows "
          + "the person as " + status + "; extreme-poverty support is determined for living residents.",
          Map.of("registryStatus", status.name()));
    }
    if (status == PersonStatus.UNAVAILABLE) {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
          "registry-service's person index did not answer; nothing was recorded. Try again later.");
    }
    long id = transactions.execute(tx -> {
      refuseCovered(number, 0);
      return cases.insert(new ExtremePovertyCase(0, application.regionCode(), number, application.name(),
          application.area(), application.circumstances(), ExtremePovertyCase.Status.TOWNSHIP_REVIEW, clock.today(),
          caller.id(), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          addWorkingDays(clock.today(), properties.townshipReviewWorkingDays()), null));
    });
    return cases.find(id, false).orElseThrow();
  }

  /** @throws ProblemException 404 if there is no such case within {@code area} */
  public ExtremePovertyCase find(long id, RegionScope area) {
    return cases.find(id, false).filter(c -> area.covers(c.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Extreme-poverty case", id));
  }

  /** A page (from 0) of the cases within {@code area}, optionally of one status, ordered by id. */
  public List<ExtremePovertyCase> list(RegionScope area, ExtremePovertyCase.Status status, int page, int size) {
    return cases.list(area, status, page, size);
  }

  /**
   * The township's review (乡镇初审, 民发〔2021〕43号 art. 3): records the verified conditions and findings and
   * sends the case to the county.
   *
   * @throws ProblemException 404 outside the area; 409 {@code wrong-status} unless the case waits for this review
   */
  public ExtremePovertyCase townshipReview(long id, Conditions conditions, Caller caller) {
    transactions.executeWithoutResult(tx -> {
      ExtremePovertyCase c = locked(id, caller);
      requireStatus(c, ExtremePovertyCase.Status.TOWNSHIP_REVIEW);
      cases.townshipReview(id, conditions.noWorkAbility(), conditions.noIncomeSource(), conditions.noAbleSupporter(),
          conditions.findings(), clock.today(), caller.id(),
          addWorkingDays(clock.today(), properties.determinationWorkingDays()));
    });
    return cases.find(id, false).orElseThrow();
  }

  /**
   * The county's determination (县级民政部门审核确认, 民发〔2021〕43号 art. 3): the person is supported from the month after
   * today in the given mode and care level.
   *
   * @throws ProblemException 404 outside the area; 409 {@code wrong-status} unless reviewed by the township; 422
   *     {@code conditions-not-met} (member {@code unmet}: the conditions the township did not verify); 409
   *     {@code already-covered} if the person has meanwhile joined an active allowance household
   */
  public ExtremePovertyCase determine(long id, ExtremePovertyCase.SupportMode mode,
      ExtremePovertyCase.CareLevel level, Caller caller) {
    transactions.executeWithoutResult(tx -> {
      ExtremePovertyCase c = locked(id, caller);
      requireStatus(c, ExtremePovertyCase.Status.COUNTY_DETERMINATION);
      List<String> unmet = new java.util.ArrayList<>();
      if (!Boolean.TRUE.equals(c.noWorkAbility())) {
        unmet.add("noWorkAbility");
      }
      if (!Boolean.TRUE.equals(c.noIncomeSource())) {
        unmet.add("noIncomeSource");
      }
      if (!Boolean.TRUE.equals(c.noAbleSupporter())) {
        unmet.add("noAbleSupporter");
      }
      if (!unmet.isEmpty()) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "conditions-not-met", "An extreme-poverty "
            + "person meets all three conditions (《社会救助暂行办法》 art. 14, 民发〔2021〕43号); the township did not verify " + unmet
            + ". Refuse the case with reasons instead.", Map.of("unmet", unmet));
      }
      refuseCovered(c.nationalIdNumber(), id);
      LocalDate today = clock.today();
      cases.determine(id, mode, level, today, caller.id(), YearMonth.from(today).plusMonths(1));
    });
    return cases.find(id, false).orElseThrow();
  }

  /**
   * Refuses a case with reasons (不予确认, 书面告知理由; 民发〔2021〕43号), at the township review or at the
   * county's determination.
   *
   * @throws ProblemException 404 outside the area; 409 {@code wrong-status} for a case already decided
   */
  public ExtremePovertyCase refuse(long id, String reason, Caller caller) {
    transactions.executeWithoutResult(tx -> {
      ExtremePovertyCase c = locked(id, caller);
      if (c.status() != ExtremePovertyCase.Status.TOWNSHIP_REVIEW
          && c.status() != ExtremePovertyCase.Status.COUNTY_DETERMINATION) {
        throw ProblemException.conflict("wrong-status", "Case " + id + " is " + c.status() + ".");
      }
      cases.refuse(id, reason, clock.today(), caller.id());
    });
    return cases.find(id, false).orElseThrow();
  }

  /**
   * The monthly support of a case for a month, with the allowance standard of the case's area in force that month.
   *
   * @return null if the case has no care level (not determined)
   */
  public SupportAmount amountFor(ExtremePovertyCase c, YearMonth month) {
    if (c.careLevel() == null) {
      return null;
    }
    return SupportAmount.of(allowances.standard(c.area(), month), properties, c.careLevel());
  }

  /**
   * Every extreme-poverty person to be paid for {@code month}, with the amount of that month (the allowance
   * standard of each area in force that month, asked once per area), ordered by case id. For the payment rolls (no
   * area filter: the caller is the roll).
   */
  public List<SupportEntitlement> monthlyEntitlements(YearMonth month) {
    Map<Area, java.math.BigDecimal> standards = new java.util.EnumMap<>(Area.class);
    return cases.paidFor(month).stream().map(c -> {
      SupportAmount amount = SupportAmount.of(standards.computeIfAbsent(c.area(), a -> allowances.standard(a, month)),
          properties, c.careLevel());
      return new SupportEntitlement(month, c.id(), c.nationalIdNumber(), c.name(), c.regionCode(), amount.total(),
          amount.basicLiving(), amount.careAllowance(), "extreme-poverty-case/" + c.id(), c.decidedOn());
    }).toList();
  }

  /**
   * The numbers among {@code nationalIdNumbers} that have an open or supported extreme-poverty case; used by the
   * allowance's intake (a person is not both in an allowance household and an extreme-poverty person).
   */
  public List<String> coveredIdNumbers(List<String> nationalIdNumbers) {
    return nationalIdNumbers.isEmpty() ? List.of() : cases.coveredIdNumbers(nationalIdNumbers);
  }

  private void refuseCovered(String number, long thisCase) {
    List<Long> open = cases.openOrSupported(List.of(number)).stream().filter(id -> id != thisCase).toList();
    if (!open.isEmpty()) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-covered", "The person already has extreme-poverty "
          + "case " + open.get(0) + " open or supported.", Map.of("caseId", open.get(0)));
    }
    if (cases.inActiveAllowanceHousehold(number)) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-covered", "The person is a member of a household "
          + "receiving the minimum living allowance; a person is not both in an allowance household and an "
          + "extreme-poverty person (the household's member change comes first).", Map.of("scheme", "DIBAO"));
    }
  }

  /** Whether the case waits past the deadline of its current step today. */
  public boolean overdue(ExtremePovertyCase c) {
    return c.overdueOn(clock.today());
  }

  /** {@code days} working days after {@code from}; null where the official calendar is not published yet. */
  private LocalDate addWorkingDays(LocalDate from, int days) {
    try {
      return calendar.addWorkingDays(from, days);
    } catch (CalendarNotCoveredException notPublished) {
      return null;
    }
  }

  private ExtremePovertyCase locked(long id, Caller caller) {
    return cases.find(id, true).filter(c -> caller.regionScope().covers(c.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Extreme-poverty case", id));
  }

  private static void requireStatus(ExtremePovertyCase c, ExtremePovertyCase.Status expected) {
    if (c.status() != expected) {
      throw ProblemException.conflict("wrong-status", "Case " + c.id() + " is " + c.status() + "; this step needs "
          + expected + ".");
    }
  }
}
