package gov.civilaffairs.veterans.subsidy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.certificate.Certificates;
import gov.civilaffairs.veterans.certificate.EvidenceType;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.person.PersonStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-off subsidies: medical (outpatient, inpatient), temporary hardship, and the work-injury and
 * social-insurance subsidies of laid-off disabled veterans; granted with amount, reason and approval (township
 * alone up to {@code veterans.subsidies.township-approval-limit}, a county officer above), then paid. One subsidy
 * per person, type and date of the cause; the insurance subsidies once per calendar year. Rules and sources:
 * {@link SubsidyPolicy}.
 */
@Service
public class Subsidies {

  private final SubsidyRepository repository;
  private final EntitledPersons persons;
  private final SubsidyPolicy policy;
  private final BureauClock clock;
  private final Certificates certificates;

  Subsidies(SubsidyRepository repository, EntitledPersons persons, SubsidyPolicy policy, BureauClock clock,
      Certificates certificates) {
    this.certificates = certificates;
    this.repository = repository;
    this.persons = persons;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Grants a subsidy to a living entitled person; approved at once when the caller may approve the amount.
   *
   * @return the subsidy, {@code APPROVED} or {@code PENDING_APPROVAL}
   * @throws ProblemException 422 {@code person-deceased} if the person is deceased; 422 {@code cause-date} if
   *     the date of the cause is after today; 422 {@code not-eligible} if the person's category does not receive
   *     the type ({@code veterans.subsidies.eligible-categories}); 422 {@code evidence-missing} if evidence the type
   *     needs is not recorded ({@code veterans.subsidies.required-evidence}); 422 {@code amount-above-maximum}
   *     above the type's maximum ({@code veterans.subsidies.max-amount}); 409 {@code subsidy-exists} if the person
   *     already has a subsidy of the type for that date, or that year for a type granted once a year
   */
  @Transactional
  public Subsidy grant(EntitledPerson person, NewSubsidy request, Caller caller) {
    if (person.status() == PersonStatus.DECEASED) {
      throw ProblemException.unprocessable("person-deceased", "Entitled person " + person.id() + " is deceased");
    }
    if (request.causeDate().isAfter(clock.today())) {
      throw ProblemException.unprocessable("cause-date", "causeDate " + request.causeDate() + " is after today");
    }
    if (!policy.eligibleCategories().get(request.type()).contains(person.category())) {
      throw ProblemException.unprocessable("not-eligible", request.type() + " is granted to "
          + new TreeSet<>(policy.eligibleCategories().get(request.type())) + ", not " + person.category()
          + " (veterans.subsidies.eligible-categories)");
    }
    Set<EvidenceType> missing = EnumSet.noneOf(EvidenceType.class);
    missing.addAll(policy.requiredEvidence().get(request.type()));
    certificates.evidenceOf(person).documents().forEach(document -> missing.remove(document.documentType()));
    if (!missing.isEmpty()) {
      throw ProblemException.unprocessable("evidence-missing", request.type() + " needs evidence " + missing
          + " recorded for the person (veterans.subsidies.required-evidence)");
    }
    BigDecimal maximum = policy.maxAmount().get(request.type());
    if (request.amount().compareTo(maximum) > 0) {
      throw ProblemException.unprocessable("amount-above-maximum", "amount " + request.amount() + " is above the "
          + request.type() + " maximum of " + maximum + " (veterans.subsidies.max-amount." + request.type() + ")");
    }
    NewSubsidy subsidy = new NewSubsidy(request.type(), request.causeDate(), request.amount().setScale(2),
        request.reason().strip());
    SubsidyStatus status = mayApprove(caller, subsidy.amount()) ? SubsidyStatus.APPROVED : SubsidyStatus.PENDING_APPROVAL;
    if (policy.oncePerYear().contains(request.type())) {
      persons.lockByNationalIdNumber(person.nationalIdNumber());
      int year = request.causeDate().getYear();
      if (repository.countInYear(person.id(), request.type(), year) > 0) {
        throw ProblemException.conflict("subsidy-exists", "Entitled person " + person.id() + " already has a "
            + request.type() + " subsidy for " + year + " (veterans.subsidies.once-per-year)");
      }
    }
    try {
      long id = repository.insert(subsidy, person.id(), status, caller.id(), clock.now());
      return repository.find(id, false).orElseThrow();
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("subsidy-exists", "Entitled person " + person.id() + " already has a "
          + request.type() + " subsidy for " + request.causeDate());
    }
  }

  /**
   * Approves a pending subsidy; approving an approved or paid one returns it unchanged.
   *
   * @throws ProblemException 404 if there is none; 403 {@code approval-limit} if the caller may not approve
   *     the amount
   */
  @Transactional
  public Subsidy approve(long id, Caller caller) {
    Subsidy subsidy = require(id, true);
    if (subsidy.status() == SubsidyStatus.PENDING_APPROVAL) {
      if (!mayApprove(caller, subsidy.amount())) {
        throw new ProblemException(HttpStatus.FORBIDDEN, "approval-limit",
            "A township caseworker approves up to " + policy.townshipApprovalLimit() + " yuan");
      }
      repository.approve(id, caller.id(), clock.now());
    }
    return require(id, false);
  }

  /**
   * Records that an approved subsidy was paid; paying a paid one returns it unchanged.
   *
   * @throws ProblemException 404 if there is none; 409 {@code subsidy-not-approved} if it awaits approval
   */
  @Transactional
  public Subsidy markPaid(long id) {
    Subsidy subsidy = require(id, true);
    switch (subsidy.status()) {
      case APPROVED -> repository.markPaid(id, clock.now());
      case PAID -> { }
      case PENDING_APPROVAL -> throw ProblemException.conflict("subsidy-not-approved",
          "Subsidy " + id + " awaits approval and cannot be paid");
    }
    return require(id, false);
  }

  /** The subsidy with this id. @throws ProblemException 404 if there is none */
  public Subsidy require(long id) {
    return require(id, false);
  }

  /** The person's subsidies, oldest first. */
  public List<Subsidy> ofPerson(long personId) {
    return repository.ofPerson(personId);
  }

  private Subsidy require(long id, boolean forUpdate) {
    return repository.find(id, forUpdate).orElseThrow(() -> ProblemException.notFound("Subsidy", id));
  }

  private boolean mayApprove(Caller caller, BigDecimal amount) {
    return caller.hasRole(Role.COUNTY_OFFICER) || caller.hasRole(Role.CITY_ADMINISTRATOR)
        || amount.compareTo(policy.townshipApprovalLimit()) <= 0;
  }
}
