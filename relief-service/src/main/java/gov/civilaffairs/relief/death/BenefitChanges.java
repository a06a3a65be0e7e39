package gov.civilaffairs.relief.death;

import java.util.List;

import org.springframework.stereotype.Service;

/** Reads the benefit changes death records made: "why was this benefit stopped?". */
@Service
public class BenefitChanges {

  private final DeathEventRepository events;

  BenefitChanges(DeathEventRepository events) {
    this.events = events;
  }

  /** The changes to a household's allowance, oldest first. */
  public List<BenefitChange> ofHousehold(long householdId) {
    return events.findChangesOfHousehold(householdId);
  }

  /** The changes to the allowance of the household the person is a member of, oldest first. */
  public List<BenefitChange> ofPerson(String nationalIdNumber) {
    return events.findChangesOfPerson(nationalIdNumber);
  }
}
