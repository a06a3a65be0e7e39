package gov.civilaffairs.veterans.death;

import java.util.List;
import java.util.Objects;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading what deaths did (benefit changes, grants, caseworker tasks) and recording that a grant was paid. */
@Service
public class DeathEffects {

  private final DeathEffectsRepository repository;
  private final EntitledPersons persons;
  private final BureauClock clock;

  DeathEffects(DeathEffectsRepository repository, EntitledPersons persons, BureauClock clock) {
    this.repository = repository;
    this.persons = persons;
    this.clock = clock;
  }

  /** Every change made to the person's benefits by death records, oldest first. */
  public List<BenefitChange> changesOf(long personId) {
    return repository.changesOfPerson(personId);
  }

  /** The person's grants (funeral subsidy, one-off pension, arrears), oldest first. */
  public List<Grant> grantsOf(long personId) {
    return repository.grantsOfPerson(personId);
  }

  /**
   * A page of caseworker tasks of persons registered within {@code area} (filtered in SQL), ordered by id;
   * {@code status} {@code OPEN}, {@code COMPLETED}, {@code CLOSED} or null for all.
   */
  public List<CaseworkerTask> tasks(String status, RegionScope area, int offset, int limit) {
    return repository.tasks(status, area, offset, limit);
  }

  /**
   * Completes a caseworker task with its outcome (the survivor-pension review of DOMAIN.md, "The death rule",
   * point 6, and 军人抚恤优待条例 as cited in {@link DeathPolicy.SurvivorReview}). Completing a completed task again
   * with the same outcome and survivor returns it unchanged (a retrying client).
   *
   * @param survivorNationalIdNumber with {@link TaskOutcome#SURVIVOR_REGISTERED}: the survivor, already registered
   *     as an entitled person of a survivor category with their periodic pension; else ignored
   * @param note the caseworker's note; required with {@link TaskOutcome#NOT_ELIGIBLE} (the reason)
   * @throws ProblemException 404 if there is no such task or its person lies outside {@code area}; 409
   *     {@code task-not-open} if it is closed or completed otherwise; 422 {@code task-outcome} if the outcome does
   *     not fit the task's kind; 422 {@code survivor-required}, {@code survivor-not-registered} or
   *     {@code survivor-category} for a survivor missing, not registered, or not of a survivor category; 422
   *     {@code note-required} for NOT_ELIGIBLE without a note; 400 {@code invalid-national-id-number}
   */
  @Transactional
  public CaseworkerTask completeTask(long taskId, TaskOutcome outcome, String survivorNationalIdNumber, String note,
      RegionScope area, String caseworker) {
    CaseworkerTask task = repository.findTask(taskId, true)
        .filter(found -> area.covers(persons.require(found.entitledPersonId()).regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Caseworker task", taskId));
    boolean review = CaseworkerTask.SURVIVOR_PENSION_REVIEW.equals(task.kind());
    if (review == (outcome == TaskOutcome.SURVIVOR_PENSION_WITHDRAWN)) {
      throw ProblemException.unprocessable("task-outcome", outcome + " does not complete a " + task.kind() + " task");
    }
    String reason = note == null || note.isBlank() ? null : note.strip();
    Long survivorId = null;
    if (outcome == TaskOutcome.SURVIVOR_REGISTERED) {
      if (survivorNationalIdNumber == null || survivorNationalIdNumber.isBlank()) {
        throw ProblemException.unprocessable("survivor-required",
            "survivorNationalIdNumber is required for SURVIVOR_REGISTERED");
      }
      String number = NationalIdNumber.parse(survivorNationalIdNumber, clock.today()).value();
      EntitledPerson survivor = persons.findByNationalIdNumber(number)
          .orElseThrow(() -> ProblemException.unprocessable("survivor-not-registered", "Register the survivor "
              + NationalIdNumber.parse(number) + " as an entitled person with their periodic pension first"));
      if (!survivor.category().isSurvivor()) {
        throw ProblemException.unprocessable("survivor-category", "The survivor is registered as "
            + survivor.category() + ", not a survivor category receiving 定期抚恤金");
      }
      survivorId = survivor.id();
    } else if (outcome == TaskOutcome.NOT_ELIGIBLE && reason == null) {
      throw ProblemException.unprocessable("note-required", "NOT_ELIGIBLE needs a note giving the reason");
    }
    if ("COMPLETED".equals(task.status()) && task.outcome() == outcome
        && Objects.equals(task.survivorPersonId(), survivorId)) {
      return task;
    }
    if (!"OPEN".equals(task.status())) {
      throw ProblemException.conflict("task-not-open", "Caseworker task " + taskId + " is " + task.status()
          + (task.outcome() == null ? "" : " (" + task.outcome() + ")"));
    }
    repository.completeTask(taskId, outcome, survivorId, reason, caseworker, clock.now());
    return repository.findTask(taskId, false).orElseThrow();
  }

  /**
   * Records that a grant was paid. Paying a paid grant again returns it unchanged (a retrying client).
   *
   * @param area the caller's area: a grant of a person registered outside it is answered as if it did not exist
   * @throws ProblemException 404 if there is no such grant or it lies outside {@code area}; 409
   *     {@code grant-not-payable} if it was withdrawn or is a recovery claim
   */
  @Transactional
  public Grant markPaid(long grantId, RegionScope area) {
    Grant grant = repository.findGrant(grantId, true)
        .filter(found -> area.covers(persons.require(found.entitledPersonId()).regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Grant", grantId));
    switch (grant.status()) {
      case DUE -> repository.updateGrant(grantId, GrantStatus.PAID, clock.now());
      case PAID -> { }
      default -> throw ProblemException.conflict("grant-not-payable",
          "Grant " + grantId + " is " + grant.status() + " and cannot be paid");
    }
    return repository.findGrant(grantId, false).orElseThrow();
  }
}
