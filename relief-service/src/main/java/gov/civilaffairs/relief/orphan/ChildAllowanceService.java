package gov.civilaffairs.relief.orphan;

import java.math.BigDecimal;
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
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.person.PersonIndex;
import gov.civilaffairs.relief.person.PersonStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scattered orphans (散居孤儿; 《国务院办公厅关于加强孤儿保障工作的意见》 国办发〔2010〕54号: a child under 18 who has
 * lost both parents or whose parents cannot be found) and de-facto unsupported children (事实无人抚养儿童;
 * 《关于进一步加强事实无人抚养儿童保障工作的意见》 民发〔2019〕62号: both parents severely disabled or ill, imprisoned,
 * in compulsory rehabilitation, otherwise deprived of liberty or out of contact, or one dead or missing and the
 * other so): registration with the guardian and the cause, and the monthly basic living allowance
 * ({@link ChildAllowanceProperties}) from the month after registration up to the month of the 18th birthday
 * (both documents cover children under 18; stopped from the month after the 18th birthday, local practice,
 * verify), or up to the month of an adoption (收养, the adopters then support the child; local practice, verify).
 */
@Service
public class ChildAllowanceService {

  /** Age at which the allowance ends (国办发〔2010〕54号, 民发〔2019〕62号: 未满18周岁). */
  static final int ADULT_AGE = 18;

  private final ChildRegistrationRepository registrations;
  private final PersonIndex persons;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final ChildAllowanceProperties properties;
  private final TransactionTemplate transactions;
  private final ChildAllowanceDeathRule deaths;

  ChildAllowanceService(ChildRegistrationRepository registrations, PersonIndex persons, RegionDirectory regions,
      BureauClock clock, ChildAllowanceProperties properties, TransactionTemplate transactions,
      ChildAllowanceDeathRule deaths) {
    this.registrations = registrations;
    this.persons = persons;
    this.regions = regions;
    this.clock = clock;
    this.properties = properties;
    this.transactions = transactions;
    this.deaths = deaths;
  }

  /** What death records did to the registration: "why was this stopped?", oldest first. @throws ProblemException 404 */
  public List<ChildAllowanceChange> changes(long id, RegionScope area) {
    find(id, area);
    return deaths.changes(id);
  }

  /** A registration as the caseworker enters it. */
  public record NewRegistration(String regionCode, NationalIdNumber nationalIdNumber, String name,
      ChildRegistration.Kind kind, ChildRegistration.Cause cause, String causeDetails, String guardianName,
      NationalIdNumber guardianNationalIdNumber, ChildRegistration.GuardianRelation guardianRelation) {
  }

  /**
   * Registers a child; the allowance is paid from the month after today.
   *
   * @throws ProblemException 422 {@code unknown-village}, {@code cause-not-of-kind}, {@code guardian-is-child},
   *     {@code not-a-minor} (18 or older, or turning 18 this month), {@code person-not-enrollable}; 409
   *     {@code already-registered} (member {@code registrationId}); 503 {@code registry-unavailable}
   */
  public ChildRegistration register(NewRegistration r, Caller caller) {
    if (regions.find(r.regionCode()).filter(x -> x.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-village",
          "Region code " + r.regionCode() + " is not a known village or community committee.");
    }
    if (r.cause().kind() != r.kind()) {
      throw ProblemException.unprocessable("cause-not-of-kind", "cause " + r.cause() + " is a cause of "
          + r.cause().kind() + ", not of " + r.kind() + ".");
    }
    if (r.guardianNationalIdNumber().equals(r.nationalIdNumber())) {
      throw ProblemException.unprocessable("guardian-is-child", "The guardian is another person than the child.");
    }
    LocalDate today = clock.today();
    LocalDate birthDate = r.nationalIdNumber().birthDate();
    YearMonth startMonth = YearMonth.from(today).plusMonths(1);
    YearMonth ageEndMonth = YearMonth.from(birthDate.plusYears(ADULT_AGE));
    if (ageEndMonth.isBefore(startMonth)) {
      throw ProblemException.unprocessable("not-a-minor", "The child, born " + birthDate + ", turns " + ADULT_AGE
          + " in " + ageEndMonth + ", before the first month paid (" + startMonth + ").");
    }
    PersonStatus status = persons.check(r.nationalIdNumber().value());
    if (status == PersonStatus.DECEASED || status == PersonStatus.NOT_INDEXED) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "person-not-enrollable", "The registry knows "
          + "the child as " + status + ".", Map.of("registryStatus", status.name()));
    }
    if (status == PersonStatus.UNAVAILABLE) {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
          "registry-service's person index did not answer; nothing was recorded. Try again later.");
    }
    long id = transactions.execute(tx -> {
      List<Long> active = registrations.active(r.nationalIdNumber().value());
      if (!active.isEmpty()) {
        throw new ProblemException(HttpStatus.CONFLICT, "already-registered", "The child is registered already ("
            + active.get(0) + ").", Map.of("registrationId", active.get(0)));
      }
      return registrations.insert(new ChildRegistration(0, r.regionCode(), r.nationalIdNumber().value(), r.name(),
          birthDate, r.kind(), r.cause(), r.causeDetails(), r.guardianName(), r.guardianNationalIdNumber().value(),
          r.guardianRelation(), today, caller.id(), startMonth, ageEndMonth, ChildRegistration.Status.ACTIVE, null,
          null, null, null, null));
    });
    return registrations.find(id, false).orElseThrow();
  }

  /** @throws ProblemException 404 if there is no such registration within {@code area} */
  public ChildRegistration find(long id, RegionScope area) {
    return registrations.find(id, false).filter(r -> area.covers(r.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Child registration", id));
  }

  public List<ChildRegistration> list(RegionScope area, ChildRegistration.Kind kind, int page, int size) {
    return registrations.list(area, kind, page, size);
  }

  /**
   * Records an adoption: the allowance is paid up to the month of the adoption (local practice, verify).
   *
   * @throws ProblemException 404 outside the area; 409 {@code already-ended}; 422 {@code date-in-future},
   *     {@code adoption-before-registration}
   */
  public ChildRegistration adopted(long id, LocalDate adoptedOn, String reference, Caller caller) {
    transactions.executeWithoutResult(tx -> {
      ChildRegistration r = registrations.find(id, true).filter(x -> caller.regionScope().covers(x.regionCode()))
          .orElseThrow(() -> ProblemException.notFound("Child registration", id));
      if (r.status() != ChildRegistration.Status.ACTIVE) {
        throw ProblemException.conflict("already-ended", "Registration " + id + " ended with " + r.endMonth() + ".");
      }
      if (adoptedOn.isAfter(clock.today())) {
        throw ProblemException.unprocessable("date-in-future", "adoptedOn " + adoptedOn + " is after today.");
      }
      if (adoptedOn.isBefore(r.registeredOn())) {
        throw ProblemException.unprocessable("adoption-before-registration", "adoptedOn " + adoptedOn
            + " is before the registration on " + r.registeredOn() + ".");
      }
      YearMonth last = YearMonth.from(adoptedOn);
      registrations.end(id, last.isBefore(r.startMonth()) ? r.startMonth().minusMonths(1) : last,
          ChildRegistration.EndReason.ADOPTED, adoptedOn, reference, null);
    });
    return registrations.find(id, false).orElseThrow();
  }

  /**
   * Every child to be paid for {@code month}: registered before it, not yet 18 in an earlier month, not adopted or
   * dead before it; ordered by registration id. For the payment rolls (no area filter: the caller is the roll).
   */
  public List<ChildEntitlement> monthlyEntitlements(YearMonth month) {
    return registrations.paidFor(month).stream()
        .map(r -> new ChildEntitlement(month, r.id(), r.kind(), r.nationalIdNumber(), r.name(), r.regionCode(),
            properties.amount(r.kind()), "child-registration/" + r.id(), r.registeredOn()))
        .toList();
  }

  /** The monthly basic living allowance of a registration, yuan, scale 2. */
  public BigDecimal monthlyAmount(ChildRegistration r) {
    return properties.amount(r.kind());
  }
}
