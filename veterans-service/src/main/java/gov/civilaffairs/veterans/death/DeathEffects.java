package gov.civilaffairs.veterans.death;

import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
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
   * {@code status} {@code OPEN}, {@code CLOSED} or null for all.
   */
  public List<CaseworkerTask> tasks(String status, RegionScope area, int offset, int limit) {
    return repository.tasks(status, area, offset, limit);
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
