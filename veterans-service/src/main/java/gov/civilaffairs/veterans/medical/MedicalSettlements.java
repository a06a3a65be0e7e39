package gov.civilaffairs.veterans.medical;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.person.PersonStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-stop medical settlement records (一站式结算): the hospital settles every part of an entitled person's bill
 * at once (basic insurance, critical-illness insurance, medical assistance, and the veterans' medical subsidy
 * computed here by {@link MedicalPolicy}); this service keeps the record and the subsidy it paid. A settlement
 * reported again (same hospital and reference) returns the recorded one.
 */
@Service
public class MedicalSettlements {

  private final MedicalSettlementRepository repository;
  private final EntitledPersons persons;
  private final MedicalSubsidyRule rule;
  private final BureauClock clock;

  MedicalSettlements(MedicalSettlementRepository repository, EntitledPersons persons, MedicalPolicy policy,
      BureauClock clock) {
    this.repository = repository;
    this.persons = persons;
    this.rule = new MedicalSubsidyRule(policy);
    this.clock = clock;
  }

  /** A settlement and whether this call recorded it (false: the same hospital and reference were recorded). */
  public record Recorded(MedicalSettlement settlement, boolean created) {
  }

  /**
   * Records a settlement and computes its veterans' medical subsidy.
   *
   * @throws ProblemException 409 {@code settlement-exists} if the hospital's reference is recorded for another
   *     person; 422 {@code settlement-dates} if admission, discharge and settlement are not in that order, an
   *     inpatient stay has no discharge date, an outpatient visit has one, or the settlement is after today;
   *     422 {@code after-death} if care began after the person's date of death; 422 {@code settlement-amounts} if
   *     insurance, critical-illness insurance and medical assistance together exceed the total cost
   */
  @Transactional
  public Recorded record(EntitledPerson person, NewMedicalSettlement request, Caller caller) {
    String hospital = request.hospitalCode().strip();
    String reference = request.settlementReference().strip();
    Optional<MedicalSettlement> existing = repository.find(hospital, reference);
    if (existing.isPresent()) {
      return sameOrConflict(existing.get(), person);
    }
    checkDates(request);
    if (person.status() == PersonStatus.DECEASED && request.admittedOn().isAfter(person.dateOfDeath())) {
      throw ProblemException.unprocessable("after-death", "admittedOn " + request.admittedOn()
          + " is after the date of death " + person.dateOfDeath());
    }
    BigDecimal paidByOthers = request.insurancePaid().add(request.criticalIllnessPaid())
        .add(request.medicalAssistancePaid());
    if (paidByOthers.compareTo(request.totalCost()) > 0) {
      throw ProblemException.unprocessable("settlement-amounts", "insurancePaid + criticalIllnessPaid + "
          + "medicalAssistancePaid = " + paidByOthers + " exceed totalCost " + request.totalCost());
    }
    BigDecimal selfPaidBefore = request.totalCost().subtract(paidByOthers).setScale(2);
    // One person's settlements are computed one after the other: the yearly cap counts every earlier one.
    persons.lockByNationalIdNumber(person.nationalIdNumber());
    MedicalSubsidyRule.Subsidy subsidy = rule.subsidy(person, selfPaidBefore,
        repository.subsidisedInYear(person.id(), request.settledOn().getYear()));
    NewMedicalSettlement normalised = new NewMedicalSettlement(hospital, request.hospitalName().strip(), reference,
        request.careType(), request.admittedOn(), request.dischargedOn(), request.settledOn(),
        request.totalCost().setScale(2), request.insurancePaid().setScale(2), request.criticalIllnessPaid().setScale(2),
        request.medicalAssistancePaid().setScale(2));
    try {
      long id = repository.insert(person.id(), normalised, selfPaidBefore, subsidy.amount(), subsidy.basis(),
          caller.id(), clock.now());
      return new Recorded(repository.find(id).orElseThrow(), true);
    } catch (DuplicateKeyException recordedConcurrently) {
      return sameOrConflict(repository.find(hospital, reference).orElseThrow(), person);
    }
  }

  /** The person's settlements, by settlement date. */
  public List<MedicalSettlement> ofPerson(long personId) {
    return repository.ofPerson(personId);
  }

  private static Recorded sameOrConflict(MedicalSettlement existing, EntitledPerson person) {
    if (existing.entitledPersonId() != person.id()) {
      throw ProblemException.conflict("settlement-exists", "Settlement " + existing.settlementReference()
          + " of hospital " + existing.hospitalCode() + " is recorded for another person");
    }
    return new Recorded(existing, false);
  }

  private void checkDates(NewMedicalSettlement request) {
    if (request.careType() == CareType.INPATIENT && request.dischargedOn() == null) {
      throw ProblemException.unprocessable("settlement-dates", "dischargedOn is required for INPATIENT care");
    }
    if (request.careType() == CareType.OUTPATIENT && request.dischargedOn() != null) {
      throw ProblemException.unprocessable("settlement-dates", "dischargedOn applies to INPATIENT care only");
    }
    if (request.dischargedOn() != null && request.dischargedOn().isBefore(request.admittedOn())) {
      throw ProblemException.unprocessable("settlement-dates", "dischargedOn " + request.dischargedOn()
          + " is before admittedOn " + request.admittedOn());
    }
    if (request.settledOn().isBefore(request.dischargedOn() == null ? request.admittedOn() : request.dischargedOn())) {
      throw ProblemException.unprocessable("settlement-dates", "settledOn " + request.settledOn()
          + " is before the end of care");
    }
    if (request.settledOn().isAfter(clock.today())) {
      throw ProblemException.unprocessable("settlement-dates", "settledOn " + request.settledOn() + " is after today");
    }
  }
}
