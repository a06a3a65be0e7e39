package gov.civilaffairs.relief.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.time.CalendarNotCoveredException;
import gov.civilaffairs.platform.time.WorkingDayCalendar;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.AllowanceCalculator;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.HouseholdService;
import gov.civilaffairs.relief.allowance.HouseholdService.NewMember;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.nearpoverty.NearPovertyHousehold;
import gov.civilaffairs.relief.extremepoverty.ExtremePovertyService;
import gov.civilaffairs.relief.nearpoverty.NearPovertyRegister;
import gov.civilaffairs.relief.person.PersonIndex;
import gov.civilaffairs.relief.person.PersonStatus;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application workflow of the minimum living allowance (低保审核确认), as 民政部《最低生活保障审核确认办法》
 * (民发〔2021〕57号) sets it out and DOMAIN.md summarises it: intake with the household's consent ->
 * economic verification by income-verification-service -> home investigation -> first review by the
 * township -> optional community review -> public notice -> confirmation by the county (or the township
 * where delegated) -> allowance from the month after confirmation. Refusal with reasons at the review
 * steps. Local values: {@link ApplicationProperties}.
 *
 * <p>Calls to other services (registry, income verification) are made outside database transactions;
 * every step locks the application's row, so that two caseworkers cannot take the same step twice.
 * Errors are {@link ProblemException}s: 404 for an application outside the caller's area, 409
 * {@code wrong-step} (member {@code status}) when the application is not at the step asked for.
 */
@Service
public class ApplicationService {

  static final String VERIFICATION_COMPLETED = "gov.civilaffairs.income.verification-completed.v1";

  private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

  private final ApplicationRepository applications;
  private final HouseholdService households;
  private final AllowanceCalculator calculator;
  private final PersonIndex persons;
  private final IncomeVerification incomeVerification;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final WorkingDayCalendar calendar;
  private final ApplicationProperties properties;
  private final TransactionTemplate transactions;
  private final NearPovertyRegister nearPoverty;
  private final ExtremePovertyService extremePoverty;

  ApplicationService(ApplicationRepository applications, HouseholdService households, AllowanceCalculator calculator,
      PersonIndex persons, IncomeVerification incomeVerification, RegionDirectory regions, BureauClock clock,
      WorkingDayCalendar calendar, ApplicationProperties properties, TransactionTemplate transactions,
      NearPovertyRegister nearPoverty, ExtremePovertyService extremePoverty) {
    this.applications = applications;
    this.households = households;
    this.calculator = calculator;
    this.persons = persons;
    this.incomeVerification = incomeVerification;
    this.regions = regions;
    this.clock = clock;
    this.calendar = calendar;
    this.properties = properties;
    this.transactions = transactions;
    this.nearPoverty = nearPoverty;
    this.extremePoverty = extremePoverty;
  }

  /**
   * An application as taken at intake.
   *
   * @param regionCode the household's 12-digit village or community code
   * @param consentReference reference of the signed consent to the economic verification (授权书)
   * @param consentSignedOn the day it was signed
   */
  public record NewApplication(String regionCode, Area area, String consentReference, LocalDate consentSignedOn,
      List<NewMember> members) {
  }

  /** A reviewer's decision. */
  public enum Decision {
    APPROVE,
    REFUSE
  }

  /**
   * Takes an application (受理) and asks income-verification-service to verify the household.
   *
   * <p>"Already covered?" (issue 5): a person may not be in two allowance households, so a member who is a
   * living member of a household with an active allowance, or of another open application, is refused.
   * Every member is looked up in registry-service's person index: a deceased or unindexed member is refused;
   * when the registry does not answer, the application is taken with {@link RegistryCheck#PENDING} and the
   * check is asked again ({@link #retryPending}); the first review waits for it.
   *
   * @return the application, at {@link ApplicationStatus#VERIFICATION}; {@code dueOn} = intake day plus
   *     {@code relief.application.processing-working-days} working days of the official calendar, or
   *     {@code null} if the calendar does not cover that period yet
   * @throws ProblemException 422 {@code unknown-village}, {@code head-required}, {@code duplicate-member},
   *     {@code consent-in-future}, {@code consent-expired}, {@code person-not-enrollable} (members named,
   *     masked, with their registry status); 409 {@code already-covered} (members named, masked)
   */
  public AllowanceApplication intake(NewApplication application, Caller caller) {
    validate(application);
    List<String> numbers = application.members().stream().map(m -> m.nationalIdNumber().value()).toList();
    refuseCovered(numbers);
    Map<String, PersonStatus> statuses = persons.check(numbers);
    List<Map<String, String>> notEnrollable = statuses.entrySet().stream()
        .filter(e -> e.getValue() == PersonStatus.DECEASED || e.getValue() == PersonStatus.NOT_INDEXED)
        .map(e -> Map.of("nationalIdNumber", NationalIdNumber.parse(e.getKey()).toString(),
            "registryStatus", e.getValue().name()))
        .toList();
    if (!notEnrollable.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "person-not-enrollable",
          notEnrollable.size() + " member(s) cannot be enrolled: the registry knows them as deceased (DECEASED) or "
              + "does not index them (NOT_INDEXED).", Map.of("members", notEnrollable));
    }
    RegistryCheck check = statuses.containsValue(PersonStatus.UNAVAILABLE) ? RegistryCheck.PENDING : RegistryCheck.PASSED;
    LocalDate today = clock.today();
    long id = transactions.execute(tx -> {
      refuseCovered(numbers);
      long created = applications.insert(application.regionCode(), application.area(), today, dueOn(today), check,
          application.consentReference(), application.consentSignedOn(), caller.id());
      application.members().forEach(m -> applications.insertMember(created, m.nationalIdNumber().value(), m.name(),
          m.relation(), statuses.get(m.nationalIdNumber().value())));
      applications.step(created, "INTAKE", "RECEIVED", caller.id(), check == RegistryCheck.PENDING
          ? "registry-service did not answer: the registry check is pending and will be retried" : null);
      return created;
    });
    submitVerification(id);
    return find(id);
  }

  /** @throws ProblemException 404 if there is no such application within {@code area} */
  public AllowanceApplication application(long id, RegionScope area) {
    return applications.find(id).filter(a -> area.covers(a.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Allowance application", id));
  }

  /** A page (from 0) of the applications within {@code area}, of one status or all, ordered by id. */
  public List<AllowanceApplication> applications(RegionScope area, ApplicationStatus status, int page, int size) {
    return applications.list(area, status, page, size);
  }

  /**
   * Open applications within {@code area} whose due date has passed, ordered by township (the first 9
   * digits of the region code), then due date. Applications without a due date (calendar not covered)
   * are never listed.
   */
  public List<AllowanceApplication> overdue(RegionScope area) {
    return applications.overdue(area, clock.today());
  }

  /**
   * Asks income-verification-service again for an application whose report was inconclusive (a department
   * never answered) or whose request it refused: the previous report and error are cleared and a new request
   * is submitted; the application waits for its report as at intake.
   *
   * @throws ProblemException 409 {@code wrong-step}; 409 {@code verification-awaited} while a request is
   *     pending without an inconclusive report or an error (the step waits for its answer)
   */
  public AllowanceApplication requestVerificationAgain(long id, Caller caller) {
    step(id, caller, ApplicationStatus.VERIFICATION, application -> {
      boolean inconclusive = application.verification() != null
          && "INCONCLUSIVE".equals(application.verification().outcome());
      if (!inconclusive && application.verificationError() == null) {
        throw ProblemException.conflict("verification-awaited", "The verification request "
            + application.verificationRequestId() + " has not answered yet; the step waits for it.");
      }
      applications.clearVerification(id);
      applications.step(id, "VERIFICATION", "REQUESTED_AGAIN", caller.id(),
          inconclusive ? "previous report inconclusive" : application.verificationError());
    });
    submitVerification(id);
    return find(id);
  }

  /**
   * Records the home investigation (入户调查) and moves the application to the first review.
   *
   * @param findings what the investigators found (living conditions, members present, work ability), 1-2000
   * @param investigatedOn the day of the visit: not before intake, not after today
   * @param assessedMonthlyIncome the household's monthly income as assessed, yuan; {@code null} keeps the
   *     verified figure
   * @param photoReferences references of the photos in the document store, 0-20
   * @throws ProblemException 409 {@code wrong-step}; 422 {@code investigation-date-invalid}
   */
  public AllowanceApplication investigate(long id, Caller caller, String findings, LocalDate investigatedOn,
      BigDecimal assessedMonthlyIncome, List<String> photoReferences) {
    return step(id, caller, ApplicationStatus.HOME_INVESTIGATION, application -> {
      if (investigatedOn.isBefore(application.receivedOn()) || investigatedOn.isAfter(clock.today())) {
        throw ProblemException.unprocessable("investigation-date-invalid", "investigatedOn must lie between the "
            + "day of intake (" + application.receivedOn() + ") and today.");
      }
      applications.recordInvestigation(id, findings, investigatedOn, assessedMonthlyIncome, photoReferences);
      applications.step(id, "HOME_INVESTIGATION", "RECORDED", caller.id(), findings);
    });
  }

  /**
   * The township's first review (乡镇审核). Approval goes to the community review when
   * {@code communityReview} is asked for, else straight to the public notice.
   *
   * @throws ProblemException 409 {@code wrong-step}, 409 {@code registry-check-pending} while the registry
   *     check is pending; 422 {@code reason-required} for a refusal without reasons
   */
  public AllowanceApplication firstReview(long id, Caller caller, Decision decision, boolean communityReview,
      String reason) {
    return step(id, caller, ApplicationStatus.FIRST_REVIEW, application -> {
      if (application.registryCheck() == RegistryCheck.PENDING) {
        throw ProblemException.conflict("registry-check-pending", "The registry has not yet answered for every "
            + "member; the check is retried. The first review waits for it.");
      }
      if (decision == Decision.REFUSE) {
        refuse(id, caller, "FIRST_REVIEW", reason);
      } else if (communityReview) {
        applications.requestCommunityReview(id);
        applications.step(id, "FIRST_REVIEW", "APPROVED", caller.id(), "community review requested");
      } else {
        applications.step(id, "FIRST_REVIEW", "APPROVED", caller.id(), reason);
        startNotice(id);
      }
    });
  }

  /**
   * Records the community review (民主评议) organised by the township with the village committee.
   *
   * @throws ProblemException 409 {@code wrong-step}; 422 {@code reason-required} for a refusal without reasons
   */
  public AllowanceApplication communityReview(long id, Caller caller, Decision decision, String note) {
    return step(id, caller, ApplicationStatus.COMMUNITY_REVIEW, application -> {
      if (decision == Decision.REFUSE) {
        refuse(id, caller, "COMMUNITY_REVIEW", note);
      } else {
        applications.step(id, "COMMUNITY_REVIEW", "APPROVED", caller.id(), note);
        startNotice(id);
      }
    });
  }

  /**
   * Records an objection raised during the public notice: the application goes back to the home
   * investigation (issue 5), and the notice starts again after the next review.
   *
   * @throws ProblemException 409 {@code wrong-step}; 409 {@code notice-ended} after the notice's last day
   */
  public AllowanceApplication object(long id, Caller caller, String summary) {
    return step(id, caller, ApplicationStatus.PUBLIC_NOTICE, application -> {
      if (clock.today().isAfter(application.noticeEndsOn())) {
        throw ProblemException.conflict("notice-ended", "The public notice ended on " + application.noticeEndsOn()
            + "; an objection is taken during the notice.");
      }
      applications.backToInvestigation(id);
      applications.step(id, "PUBLIC_NOTICE", "OBJECTION", caller.id(), summary);
    });
  }

  /**
   * Confirms (审核确认) or refuses the application once its public notice has ended. Confirmation registers
   * the household and grants its allowance from the month after the day of confirmation, at the amount of
   * the difference method ({@link AllowanceCalculator}) on the investigated income, or the verified one.
   * Every member is looked up in the registry again first.
   *
   * @throws ProblemException 403 {@code confirmation-by-county} when a township caseworker confirms and the
   *     city has not delegated confirmation ({@code relief.application.confirmation-by-township}); 409
   *     {@code wrong-step}, 409 {@code notice-not-ended}; 422 {@code reason-required}; from the household
   *     registration: 422 {@code not-eligible}, {@code person-not-enrollable}, 409 {@code already-in-household},
   *     503 {@code registry-unavailable} (nothing changed)
   */
  public AllowanceApplication confirm(long id, Caller caller, Decision decision, String reason) {
    boolean county = caller.hasRole(Role.COUNTY_OFFICER) || caller.hasRole(Role.CITY_ADMINISTRATOR);
    if (!county && !properties.confirmationByTownship()) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "confirmation-by-county", "The county confirms "
          + "applications; this city has not delegated confirmation to the townships.");
    }
    AllowanceApplication current = application(id, caller.regionScope());
    if (decision == Decision.APPROVE && current.status() == ApplicationStatus.PUBLIC_NOTICE
        && clock.today().isAfter(current.noticeEndsOn())) {
      households.checkEnrollable(current.members().stream().map(AllowanceApplication.ApplicantMember::nationalIdNumber)
          .toList());
    }
    return step(id, caller, ApplicationStatus.PUBLIC_NOTICE, application -> {
      LocalDate today = clock.today();
      if (!today.isAfter(application.noticeEndsOn())) {
        throw ProblemException.conflict("notice-not-ended", "The public notice runs until "
            + application.noticeEndsOn() + "; the application is confirmed after it.");
      }
      if (decision == Decision.REFUSE) {
        refuse(id, caller, "CONFIRMATION", reason);
        return;
      }
      YearMonth startMonth = YearMonth.from(today).plusMonths(1);
      long householdId = households.register(application.regionCode(), application.area(),
          application.monthlyIncome(), startMonth, application.members().stream()
              .map(m -> new NewMember(NationalIdNumber.parse(m.nationalIdNumber()), m.name(), m.relation()))
              .toList(), id);
      applications.confirm(id, today, householdId, startMonth);
      applications.step(id, "CONFIRMATION", "CONFIRMED", caller.id(), reason);
    });
  }

  /**
   * The amount the household would receive, for the public notice: the difference method on the
   * application's income and member count; {@code null} before the income is known.
   */
  public BigDecimal proposedMonthlyAmount(AllowanceApplication application) {
    BigDecimal income = application.monthlyIncome();
    return income == null ? null : calculator.monthlyAmount(application.area(), application.members().size(), income,
        clock.currentMonth().plusMonths(1));
  }

  /**
   * The last day to notify a refusal with its reasons: the day of the decision plus
   * {@code relief.application.refusal-notice-working-days}; {@code null} unless refused, or if the calendar
   * does not cover the period.
   */
  public LocalDate refusalNoticeDueOn(AllowanceApplication application) {
    if (application.status() != ApplicationStatus.REFUSED || application.decidedOn() == null) {
      return null;
    }
    return addWorkingDays(application.decidedOn(), properties.refusalNoticeWorkingDays());
  }

  /** Whether a member is a minor on the notice's first day (their details are never published). */
  public boolean minorOnNotice(AllowanceApplication application, String nationalIdNumber) {
    LocalDate on = application.noticeStartsOn() == null ? clock.today() : application.noticeStartsOn();
    return NationalIdNumber.parse(nationalIdNumber).birthDate().plusYears(properties.adultAge()).isAfter(on);
  }

  /**
   * Applies income-verification-service's report ({@code income.verification-completed.v1}) to the
   * application it was asked for (its {@code householdId} is {@code dibao-application-<id>}). Idempotent:
   * the event id is recorded in {@code processed_event} in the same transaction; an application no longer
   * waiting for verification is left as it is. A report below the standard moves the application to the
   * home investigation; assets over the limit, or income at or above the standard, refuse it with the
   * report's rule as the reason (民发〔2021〕57号: households whose income or assets exceed the conditions are
   * not covered); a near-poverty report also enters the household in the near-poverty register
   * ({@link NearPovertyRegister}); an inconclusive report (a department never answered) is recorded and the application waits.
   *
   * @return whether the application moved on
   */
  public boolean onVerificationCompleted(UUID eventId, long requestId, String householdReference,
      AllowanceApplication.Verification report) {
    Long applicationId = applicationIdOf(householdReference);
    if (applicationId == null) {
      return false;
    }
    return Boolean.TRUE.equals(transactions.execute(tx -> {
      if (!applications.markProcessed(eventId, VERIFICATION_COMPLETED)) {
        return false;
      }
      AllowanceApplication application = applications.findForUpdate(applicationId).orElse(null);
      if (application == null || application.status() != ApplicationStatus.VERIFICATION) {
        log.info("Verification {} of {} ignored: the application is not waiting for it", requestId, householdReference);
        return false;
      }
      String note = report.outcome() + " (" + report.rule() + ")"
          + (report.explanation() == null ? "" : ": " + report.explanation());
      switch (report.outcome()) {
        case "BELOW_ALLOWANCE_STANDARD" -> {
          applications.recordVerification(applicationId, requestId, report, ApplicationStatus.HOME_INVESTIGATION);
          applications.step(applicationId, "VERIFICATION", "BELOW_ALLOWANCE_STANDARD", "income-verification-service", note);
        }
        case "INCONCLUSIVE" -> {
          applications.recordVerification(applicationId, requestId, report, ApplicationStatus.VERIFICATION);
          applications.step(applicationId, "VERIFICATION", "INCONCLUSIVE", "income-verification-service", note);
        }
        default -> {
          if ("NEAR_POVERTY".equals(report.outcome())) {
            nearPoverty.enter(new NearPovertyRegister.Entry(application.regionCode(), application.area(), applicationId,
                requestId, clock.today(), report.householdMonthlyIncome(), report.livingMembers(), report.rule(),
                report.explanation(), application.members().stream()
                    .map(m -> new NearPovertyHousehold.Member(m.nationalIdNumber(), m.name(), m.relation())).toList()));
          }
          applications.recordVerification(applicationId, requestId, report, ApplicationStatus.VERIFICATION);
          applications.refuse(applicationId, "VERIFICATION", truncate("Household economic verification: " + note, 500),
              clock.today());
          applications.step(applicationId, "VERIFICATION", "REFUSED", "income-verification-service", note);
        }
      }
      return true;
    }));
  }

  /**
   * Asks again what other services did not answer at intake: the registry check of applications whose
   * check is pending (a deceased or unindexed member then refuses the application, with the reason), and
   * the verification request of applications income-verification-service has not taken yet. Every
   * {@code relief.application.retry-interval} (default 5 minutes).
   */
  @Scheduled(fixedDelayString = "${relief.application.retry-interval:5m}",
      initialDelayString = "${relief.application.retry-interval:5m}")
  public void retryPending() {
    for (long id : applications.pendingRetries()) {
      try {
        AllowanceApplication application = find(id);
        if (application.registryCheck() == RegistryCheck.PENDING) {
          recheckRegistry(application);
        }
        submitVerification(id);
      } catch (RuntimeException e) {
        log.warn("Retry of application {} failed: {}", id, e.toString());
      }
    }
  }

  private void recheckRegistry(AllowanceApplication application) {
    Map<String, PersonStatus> statuses = persons.check(application.members().stream()
        .map(AllowanceApplication.ApplicantMember::nationalIdNumber).toList());
    transactions.executeWithoutResult(tx -> {
      AllowanceApplication locked = applications.findForUpdate(application.id()).orElseThrow();
      if (locked.registryCheck() != RegistryCheck.PENDING || locked.status().closed()) {
        return;
      }
      statuses.forEach((number, status) -> applications.updateMemberStatus(application.id(), number, status));
      if (statuses.containsValue(PersonStatus.DECEASED) || statuses.containsValue(PersonStatus.NOT_INDEXED)) {
        long refused = statuses.values().stream().filter(s -> s == PersonStatus.DECEASED || s == PersonStatus.NOT_INDEXED)
            .count();
        applications.updateRegistryCheck(application.id(), RegistryCheck.FAILED);
        String reason = refused + " member(s) cannot be enrolled: registry-service knows them as deceased or does "
            + "not index them (registry check retried after intake).";
        applications.refuse(application.id(), "INTAKE", reason, clock.today());
        applications.step(application.id(), "REGISTRY_CHECK", "FAILED", "relief-service", reason);
      } else if (!statuses.containsValue(PersonStatus.UNAVAILABLE)) {
        applications.updateRegistryCheck(application.id(), RegistryCheck.PASSED);
        applications.step(application.id(), "REGISTRY_CHECK", "PASSED", "relief-service", "retried after intake");
      }
    });
  }

  private void submitVerification(long id) {
    AllowanceApplication application = find(id);
    if (application.status() != ApplicationStatus.VERIFICATION || application.verificationRequestId() != null
        || application.verification() != null) {
      return;
    }
    IncomeVerification.Submission submission = incomeVerification.submit(application);
    if (submission instanceof IncomeVerification.Submission.Accepted accepted) {
      applications.recordVerificationRequest(id, accepted.requestId());
    } else if (submission instanceof IncomeVerification.Submission.Refused refused) {
      applications.recordVerificationError(id, truncate(refused.reason(), 500));
    }
  }

  private AllowanceApplication find(long id) {
    return applications.find(id).orElseThrow(() -> ProblemException.notFound("Allowance application", id));
  }

  /** One step: the application locked, within the caller's area, at the expected status. */
  private AllowanceApplication step(long id, Caller caller, ApplicationStatus expected,
      java.util.function.Consumer<AllowanceApplication> action) {
    transactions.executeWithoutResult(tx -> {
      AllowanceApplication application = applications.findForUpdate(id)
          .filter(a -> caller.regionScope().covers(a.regionCode()))
          .orElseThrow(() -> ProblemException.notFound("Allowance application", id));
      if (application.status() != expected) {
        throw new ProblemException(HttpStatus.CONFLICT, "wrong-step", "The application is at " + application.status()
            + ", not at " + expected + ".", Map.of("status", application.status().name()));
      }
      action.accept(application);
    });
    return find(id);
  }

  private void refuse(long id, Caller caller, String step, String reason) {
    if (reason == null || reason.isBlank()) {
      throw ProblemException.unprocessable("reason-required", "A refusal states its reasons (民发〔2021〕57号: "
          + "the applicant is told in writing why).");
    }
    applications.refuse(id, step, reason.strip(), clock.today());
    applications.step(id, step, "REFUSED", caller.id(), reason.strip());
  }

  private void startNotice(long id) {
    LocalDate startsOn = clock.today();
    applications.startNotice(id, startsOn, startsOn.plusDays(properties.noticeDays() - 1L));
  }

  private void validate(NewApplication application) {
    if (regions.find(application.regionCode()).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-village",
          "Region code " + application.regionCode() + " is not a known village or community committee.");
    }
    if (application.members().stream().filter(m -> m.relation() == Relation.HEAD).count() != 1) {
      throw ProblemException.unprocessable("head-required", "Exactly one member must have relation HEAD.");
    }
    List<String> numbers = application.members().stream().map(m -> m.nationalIdNumber().value()).toList();
    if (new HashSet<>(numbers).size() != numbers.size()) {
      throw ProblemException.unprocessable("duplicate-member", "A national ID number appears more than once.");
    }
    LocalDate today = clock.today();
    if (application.consentSignedOn().isAfter(today)) {
      throw ProblemException.unprocessable("consent-in-future", "consentSignedOn is after today.");
    }
    if (application.consentSignedOn().plus(properties.consentMaxAge()).isBefore(today)) {
      throw ProblemException.unprocessable("consent-expired", "The consent was signed more than "
          + properties.consentMaxAge() + " ago (relief.application.consent-max-age); a new one is needed.");
    }
  }

  private void refuseCovered(List<String> numbers) {
    List<String> covered = applications.coveredIdNumbers(numbers);
    if (!covered.isEmpty()) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-covered", covered.size() + " member(s) already belong "
          + "to a household receiving the allowance or to another open application (a person may be in one "
          + "allowance household only).",
          Map.of("members", covered.stream().map(NationalIdNumber::parse).map(Object::toString).toList()));
    }
    // a person is not both in an allowance household and an extreme-poverty person (国发〔2016〕14号)
    List<String> extremePoor = extremePoverty.coveredIdNumbers(numbers);
    if (!extremePoor.isEmpty()) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-covered", extremePoor.size() + " member(s) have an "
          + "open or supported extreme-poverty case (特困); a person is not both in an allowance household and an "
          + "extreme-poverty person.",
          Map.of("members", extremePoor.stream().map(NationalIdNumber::parse).map(Object::toString).toList()));
    }
  }

  private LocalDate dueOn(LocalDate receivedOn) {
    return addWorkingDays(receivedOn, properties.processingWorkingDays());
  }

  private LocalDate addWorkingDays(LocalDate from, int days) {
    try {
      return calendar.addWorkingDays(from, days);
    } catch (CalendarNotCoveredException notPublished) {
      return null;
    }
  }

  private static Long applicationIdOf(String householdReference) {
    String prefix = AllowanceApplication.reference(0).replace("0", "");
    if (householdReference == null || !householdReference.startsWith(prefix)) {
      return null;
    }
    try {
      return Long.parseLong(householdReference.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
