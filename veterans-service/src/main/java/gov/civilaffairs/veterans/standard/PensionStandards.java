package gov.civilaffairs.veterans.standard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPersons;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pension standards per category and year (national standard plus local supplement, with effective
 * month), and the amounts they make due. Publishing a standard announces {@link PensionStandardPublished}
 * in the same transaction: the pension roll then recomputes the affected pensions from the effective
 * month, with arrears for months already paid at the old amount.
 */
@Service
public class PensionStandards {

  private final PensionStandardRepository repository;
  private final PensionStandardPolicy policy;
  private final ApplicationEventPublisher events;
  private final BureauClock clock;

  PensionStandards(PensionStandardRepository repository, PensionStandardPolicy policy,
      ApplicationEventPublisher events, BureauClock clock) {
    this.repository = repository;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Publishes a standard and recomputes the pensions of its scale from its effective month.
   *
   * @return the standard as stored (amounts scale 2)
   * @throws ProblemException 422 {@code disability-details} if grade and cause do not fit the category;
   *     422 {@code published-on} if the publication date is after today; 422 {@code effective-from} if the
   *     effective month is more than {@code veterans.standards.max-backdated-months} before the month of
   *     publication; 409 {@code pension-standard-exists} if the scale already has a standard from that month
   */
  @Transactional
  public PensionStandard publish(NewPensionStandard request) {
    EntitledPersons.checkDisabilityDetails(request.category(), request.disabilityGrade(), request.disabilityCause());
    LocalDate today = clock.today();
    LocalDate publishedOn = request.publishedOn() == null ? today : request.publishedOn();
    if (publishedOn.isAfter(today)) {
      throw ProblemException.unprocessable("published-on", "publishedOn " + publishedOn + " is after today " + today);
    }
    YearMonth earliest = YearMonth.from(publishedOn).minusMonths(policy.maxBackdatedMonths());
    if (request.effectiveFrom().isBefore(earliest)) {
      throw ProblemException.unprocessable("effective-from", "effectiveFrom " + request.effectiveFrom()
          + " is more than " + policy.maxBackdatedMonths() + " months before publication (veterans.standards.max-backdated-months)");
    }
    NewPensionStandard standard = new NewPensionStandard(request.category(), request.disabilityGrade(),
        request.disabilityCause(), request.effectiveFrom(), request.nationalAmount().setScale(2),
        request.localSupplement() == null ? BigDecimal.ZERO.setScale(2) : request.localSupplement().setScale(2),
        request.nationalSource().strip(), request.localSource() == null ? null : request.localSource().strip(),
        publishedOn);
    long id;
    try {
      id = repository.insert(standard, clock.now());
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("pension-standard-exists", "A standard for "
          + PensionStandard.scaleOf(request.category(), request.disabilityGrade(), request.disabilityCause())
          + " effective from " + request.effectiveFrom() + " already exists");
    }
    PensionStandard published = repository.find(id).orElseThrow();
    events.publishEvent(new PensionStandardPublished(published, amounts()));
    return published;
  }

  /** Every standard, or those of one category, ordered by effective month. */
  public List<PensionStandard> list(EntitledCategory category) {
    return repository.list(category);
  }

  /** The amounts due under the standards as they are now. */
  public PensionAmounts amounts() {
    return new PensionAmounts(repository.list(null));
  }
}
