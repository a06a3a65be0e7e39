package gov.civilaffairs.relief.orphan;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import gov.civilaffairs.relief.death.DeathRuleParticipant;
import gov.civilaffairs.relief.events.PersonBenefitEnded;
import gov.civilaffairs.relief.events.PersonBenefitRestored;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The death rule for child allowances (DOMAIN.md "The death rule" points 4 and 7): an active registration ends with
 * the last month paid of {@code relief.allowance.end-of-benefit} (never before its start month); a revocation makes
 * it active again. Each step is recorded in {@code scheme_benefit_change} (scheme {@code CHILD_ALLOWANCE}) with the
 * death record and the event. The money (unsent {@code ORPHAN_ALLOWANCE} rolls corrected, overpayment claim, arrears,
 * {@code relief.benefit-terminated.v2}) follows from {@link PersonBenefitEnded} and {@link PersonBenefitRestored},
 * handled by the payment package in the same transaction. Called by {@code DeathRule} inside its transaction, once per
 * death record.
 */
@Component
class ChildAllowanceDeathRule implements DeathRuleParticipant {

  static final String SCHEME = "CHILD_ALLOWANCE";

  private final JdbcClient jdbc;
  private final ChildRegistrationRepository registrations;
  private final ApplicationEventPublisher publisher;

  ChildAllowanceDeathRule(JdbcClient jdbc, ChildRegistrationRepository registrations,
      ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.registrations = registrations;
    this.publisher = publisher;
  }

  @Override
  public void personDeceased(DeathFacts death) {
    for (long id : registrations.active(death.nationalIdNumber())) {
      ChildRegistration r = registrations.find(id, true).orElseThrow();
      YearMonth last = death.lastPaidMonth().isBefore(r.startMonth()) ? r.startMonth().minusMonths(1)
          : death.lastPaidMonth();
      registrations.end(id, last, ChildRegistration.EndReason.DEATH, death.dateOfDeath(), null, death.deathRecordId());
      YearMonth lastPaid = last.isAfter(r.ageEndMonth()) ? r.ageEndMonth() : last;
      change(r, death, "ALLOWANCE_TERMINATED", "died on " + death.dateOfDeath() + "; allowance ended, last month paid "
          + lastPaid);
      publisher.publishEvent(new PersonBenefitEnded(PersonBenefitEnded.ORPHAN_ALLOWANCE, r.id(), r.nationalIdNumber(),
          death.deathRecordId(), death.eventId(), lastPaid));
    }
  }

  @Override
  public void deathRecordRevoked(DeathFacts revocation) {
    List<ChildRegistration> ended = jdbc.sql(
            "SELECT * FROM child_registration WHERE end_death_record_id = ? ORDER BY id FOR UPDATE")
        .param(revocation.deathRecordId()).query((rs, n) -> ChildRegistrationRepository.registration(rs)).list();
    for (ChildRegistration r : ended) {
      jdbc.sql("""
          UPDATE child_registration SET status = 'ACTIVE', end_month = NULL, end_reason = NULL, ended_on = NULL,
            end_reference = NULL, end_death_record_id = NULL WHERE id = ?""").param(r.id()).update();
      change(r, revocation, "ALLOWANCE_RESTORED", "death record revoked; allowance restored (was ended with "
          + r.endMonth() + ")");
      publisher.publishEvent(new PersonBenefitRestored(PersonBenefitEnded.ORPHAN_ALLOWANCE, r.id(),
          r.nationalIdNumber(), revocation.deathRecordId(), revocation.eventId(), r.endMonth()));
    }
  }

  List<ChildAllowanceChange> changes(long registrationId) {
    return jdbc.sql("SELECT * FROM scheme_benefit_change WHERE scheme = ? AND case_id = ? ORDER BY id")
        .params(SCHEME, registrationId)
        .query((rs, n) -> new ChildAllowanceChange(rs.getLong("id"), rs.getLong("case_id"), rs.getString("national_id_number"),
            rs.getLong("death_record_id"), UUID.fromString(rs.getString("event_id")), rs.getString("change_type"),
            rs.getString("detail"), rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
        .list();
  }

  private void change(ChildRegistration r, DeathFacts facts, String type, String detail) {
    jdbc.sql("""
        INSERT INTO scheme_benefit_change (scheme, case_id, national_id_number, death_record_id, event_id, change_type,
          detail) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(SCHEME, r.id(), r.nationalIdNumber(), facts.deathRecordId(), facts.eventId().toString(), type, detail)
        .update();
  }

  /**
   * Every child with a registration here, in any status: a superset of those {@link #personDeceased} changes
   * (active registrations), so a change of that method needs no change here. One query (index
   * {@code ix_child_person}).
   */
  @Override
  public java.util.Set<String> beneficiariesAmong(java.util.Collection<String> nationalIdNumbers) {
    if (nationalIdNumbers.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql(
            "SELECT DISTINCT national_id_number FROM child_registration WHERE national_id_number IN (:numbers)")
        .param("numbers", nationalIdNumbers).query(String.class).list());
  }
}
