package gov.civilaffairs.veterans.death;

import java.util.List;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading what deaths did (benefit changes, grants, caseworker tasks) and recording that a grant was paid. */
@Service
public class DeathEffects {

  private final DeathEffectsRepository repository;
  private final BureauClock clock;

  DeathEffects(DeathEffectsRepository repository, BureauClock clock) {
    this.repository = repository;
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

  /** A page of caseworker tasks ordered by id; {@code status} {@code OPEN}, {@code CLOSED} or null for all. */
  public List<CaseworkerTask> tasks(String status, int offset, int limit) {
    return repository.tasks(status, offset, limit);
  }

  /**
   * Records that a grant was paid. Paying a paid grant again returns it unchanged (a retrying client).
   *
   * @throws ProblemException 404 if there is no such grant; 409 {@code grant-not-payable} if it was
   *     withdrawn or is a recovery claim
   */
  @Transactional
  public Grant markPaid(long grantId) {
    Grant grant = repository.findGrant(grantId, true).orElseThrow(() -> ProblemException.notFound("Grant", grantId));
    switch (grant.status()) {
      case DUE -> repository.updateGrant(grantId, GrantStatus.PAID, clock.now());
      case PAID -> { }
      default -> throw ProblemException.conflict("grant-not-payable",
          "Grant " + grantId + " is " + grant.status() + " and cannot be paid");
    }
    return repository.findGrant(grantId, false).orElseThrow();
  }
}
