package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.veterans.events.SurvivorBenefitGranted;
import gov.civilaffairs.veterans.events.VeteransEvents;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.person.PensionStatus;
import gov.civilaffairs.veterans.person.PeriodicPension;
import gov.civilaffairs.veterans.person.PersonPension;
import gov.civilaffairs.veterans.person.PersonStatus;
import gov.civilaffairs.veterans.standard.PensionStandard;
import gov.civilaffairs.veterans.standard.PensionStandardPublished;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A pension standard published after a death and backdated to the month of death or earlier is the standard in
 * force at the death: the funeral subsidy already granted is topped up by the difference (a further
 * FUNERAL_SUBSIDY grant of the same death record, announced as {@link SurvivorBenefitGranted}), in the publishing
 * transaction. A standard that lowers the amount leaves the grant as it is (no recovery of a lawful payment, as
 * for pension arrears). A revocation of the death record later withdraws or claims the supplement like any grant
 * of that record. The benefit-change row of a supplement carries a name-based id of the standard
 * ({@code pension-standard:<id>}) in place of an event id: no event caused it.
 */
@Component
class FuneralSubsidySupplement {

  private final EntitledPersons persons;
  private final DeathEffectsRepository effects;
  private final DeathRules rules;
  private final BureauClock clock;
  private final VeteransEvents veteransEvents;

  FuneralSubsidySupplement(EntitledPersons persons, DeathEffectsRepository effects, DeathRules rules,
      BureauClock clock, VeteransEvents veteransEvents) {
    this.persons = persons;
    this.effects = effects;
    this.rules = rules;
    this.clock = clock;
    this.veteransEvents = veteransEvents;
  }

  @EventListener
  void on(PensionStandardPublished published) {
    PensionStandard standard = published.standard();
    Map<Long, EntitledPerson> deceased = new LinkedHashMap<>();
    Map<Long, List<PeriodicPension>> stopped = new LinkedHashMap<>();
    for (PersonPension pensioner : persons.pensionsUnder(standard.category(), standard.disabilityGrade(),
        standard.disabilityCause())) {
      EntitledPerson person = pensioner.person();
      PeriodicPension pension = pensioner.pension();
      if (person.status() == PersonStatus.DECEASED && pension.status() == PensionStatus.STOPPED
          && pension.stoppedByDeathRecordId() != null
          && !YearMonth.from(person.dateOfDeath()).isBefore(standard.effectiveFrom())) {
        deceased.put(person.id(), person);
        stopped.computeIfAbsent(person.id(), id -> new ArrayList<>()).add(pension);
      }
    }
    Instant now = clock.now();
    deceased.forEach((personId, person) -> topUp(person, stopped.get(personId), published, now));
  }

  private void topUp(EntitledPerson person, List<PeriodicPension> pensions, PensionStandardPublished published,
      Instant now) {
    long deathRecordId = pensions.get(0).stoppedByDeathRecordId();
    YearMonth monthOfDeath = YearMonth.from(person.dateOfDeath());
    PensionAtDeath atDeath = PensionAtDeath.of(published.amounts(), person, pensions, monthOfDeath);
    rules.funeralSubsidy(person, atDeath.monthlyAmount(), atDeath.basis()).ifPresent(due -> {
      BigDecimal granted = effects.grantsOfDeathRecord(deathRecordId).stream()
          .filter(grant -> grant.kind() == GrantKind.FUNERAL_SUBSIDY)
          .filter(grant -> grant.status() == GrantStatus.DUE || grant.status() == GrantStatus.PAID)
          .map(Grant::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal missing = due.amount().subtract(granted);
      if (missing.signum() <= 0) {
        return;
      }
      PensionStandard standard = published.standard();
      Award supplement = new Award(missing.setScale(2), "supplement: " + due.amount() + " due under the standard "
          + "published " + standard.publishedOn() + " effective " + standard.effectiveFrom() + " less " + granted
          + " granted; " + due.basis());
      long grantId = effects.insertGrant(person.id(), deathRecordId, GrantKind.FUNERAL_SUBSIDY, supplement, now);
      UUID cause = UUID.nameUUIDFromBytes(("pension-standard:" + standard.id()).getBytes(StandardCharsets.UTF_8));
      effects.insertChange(person.id(), deathRecordId, cause, ChangeType.GRANTED, "GRANT", grantId,
          supplement.amount(), GrantKind.FUNERAL_SUBSIDY + ": " + supplement.basis(), now);
      veteransEvents.survivorBenefitGranted(new SurvivorBenefitGranted(UUID.randomUUID(), person.id(), grantId, deathRecordId,
          GrantKind.FUNERAL_SUBSIDY.name(), supplement.amount(), supplement.basis(), now));
    });
  }
}
