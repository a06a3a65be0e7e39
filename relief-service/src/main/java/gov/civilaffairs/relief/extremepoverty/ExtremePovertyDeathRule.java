package gov.civilaffairs.relief.extremepoverty;

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
 * The death rule for extreme-poverty support (DOMAIN.md "The death rule" point 4: 特困 persons in an institution are
 * discharged and a funeral arrangement is opened; point 7: a revocation restores everything). Support ends with the
 * last month paid of {@code relief.allowance.end-of-benefit} (never before its start month); the current stay in an
 * institution ends on the day of death; a current institution link ends; the funeral is arranged by the institution
 * or, for home support, the township (救助供养内容 "办理丧葬事宜", 国发〔2016〕14号; recorded as a change, no task list
 * yet). An open application is closed (REFUSED with the death as reason) and reopened at its step on revocation.
 * Each step is recorded in {@code scheme_benefit_change} with the death record and the event. The money (unsent rolls
 * corrected, overpayment claim, arrears, {@code relief.benefit-terminated.v2}) follows from {@link PersonBenefitEnded}
 * and {@link PersonBenefitRestored}, published per case and handled by the payment package in the same transaction
 * (this package does not depend on the payment package). Called by {@code DeathRule} inside its transaction, once per
 * death record.
 */
@Component
class ExtremePovertyDeathRule implements DeathRuleParticipant {

  static final String SCHEME = "EXTREME_POVERTY";

  private final JdbcClient jdbc;
  private final ExtremePovertyRepository cases;
  private final InstitutionRepository institutions;
  private final ApplicationEventPublisher publisher;

  ExtremePovertyDeathRule(JdbcClient jdbc, ExtremePovertyRepository cases, InstitutionRepository institutions,
      ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.institutions = institutions;
    this.publisher = publisher;
  }

  @Override
  public void personDeceased(DeathFacts death) {
    closeOpenApplications(death);
    List<ExtremePovertyCase> supported = jdbc.sql("""
        SELECT * FROM extreme_poverty_case WHERE national_id_number = ? AND status = 'SUPPORTED' ORDER BY id FOR UPDATE""")
        .param(death.nationalIdNumber()).query((rs, n) -> ExtremePovertyRepository.extremePovertyCase(rs)).list();
    for (ExtremePovertyCase c : supported) {
      YearMonth last = death.lastPaidMonth().isBefore(c.startMonth()) ? c.startMonth().minusMonths(1)
          : death.lastPaidMonth();
      jdbc.sql("""
          UPDATE extreme_poverty_case SET status = 'ENDED', end_month = ?, end_reason = 'DEATH', end_death_record_id = ?
          WHERE id = ?""").params(last.toString(), death.deathRecordId(), c.id()).update();
      change(c, death, "SUPPORT_TERMINATED", "died on " + death.dateOfDeath() + "; support ended, last month paid "
          + last);
      String funeralBy = "the township";
      var stay = institutions.currentResidence(c.id());
      if (stay.isPresent()) {
        institutions.discharge(stay.get().id(), death.dateOfDeath(), Residence.DischargeReason.DEATH, null,
            death.deathRecordId());
        String institution = institutions.institution(stay.get().institutionId()).map(SupportInstitution::name)
            .orElse("institution " + stay.get().institutionId());
        change(c, death, "RESIDENCE_ENDED", "discharged from " + institution + " on " + death.dateOfDeath()
            + " (residence " + stay.get().id() + ")");
        funeralBy = institution;
      }
      var link = institutions.currentLink(c.id());
      if (link.isPresent()) {
        jdbc.sql("UPDATE institution_link SET ended_on = ?, death_record_id = ? WHERE id = ?")
            .params(death.dateOfDeath(), death.deathRecordId(), link.get().id()).update();
        change(c, death, "LINK_ENDED", "institution link " + link.get().id() + " ended on " + death.dateOfDeath());
      }
      change(c, death, "FUNERAL_ARRANGEMENT", "funeral to be arranged by " + funeralBy + " (办理丧葬事宜)");
      publisher.publishEvent(new PersonBenefitEnded(PersonBenefitEnded.EXTREME_POVERTY_SUPPORT, c.id(),
          c.nationalIdNumber(), death.deathRecordId(), death.eventId(), last));
    }
  }

  /** An open application of a person who died is closed (REFUSED, with the death as reason); revocation reopens it. */
  private void closeOpenApplications(DeathFacts death) {
    List<ExtremePovertyCase> open = jdbc.sql("""
        SELECT * FROM extreme_poverty_case WHERE national_id_number = ?
          AND status IN ('TOWNSHIP_REVIEW', 'COUNTY_DETERMINATION') ORDER BY id FOR UPDATE""")
        .param(death.nationalIdNumber()).query((rs, n) -> ExtremePovertyRepository.extremePovertyCase(rs)).list();
    for (ExtremePovertyCase c : open) {
      jdbc.sql("""
          UPDATE extreme_poverty_case SET status = 'REFUSED', refusal_reason = ?, decided_on = ?, decided_by = 'death-rule',
            end_reason = 'DEATH', end_death_record_id = ? WHERE id = ?""")
          .params("applicant died on " + death.dateOfDeath() + " (death record " + death.deathRecordId() + ")",
              death.dateOfDeath(), death.deathRecordId(), c.id()).update();
      change(c, death, "APPLICATION_CLOSED", "died on " + death.dateOfDeath() + " while the application was "
          + c.status());
    }
  }

  @Override
  public void deathRecordRevoked(DeathFacts revocation) {
    List<ExtremePovertyCase> closed = jdbc.sql(
            "SELECT * FROM extreme_poverty_case WHERE end_death_record_id = ? AND status = 'REFUSED' ORDER BY id FOR UPDATE")
        .param(revocation.deathRecordId()).query((rs, n) -> ExtremePovertyRepository.extremePovertyCase(rs)).list();
    for (ExtremePovertyCase c : closed) {
      String reopened = c.townshipReviewedOn() == null ? "TOWNSHIP_REVIEW" : "COUNTY_DETERMINATION";
      jdbc.sql("""
          UPDATE extreme_poverty_case SET status = ?, refusal_reason = NULL, decided_on = NULL, decided_by = NULL,
            end_reason = NULL, end_death_record_id = NULL WHERE id = ?""").params(reopened, c.id()).update();
      change(c, revocation, "APPLICATION_REOPENED", "death record revoked; application back at " + reopened);
    }
    List<ExtremePovertyCase> ended = jdbc.sql(
            "SELECT * FROM extreme_poverty_case WHERE end_death_record_id = ? AND status = 'ENDED' ORDER BY id FOR UPDATE")
        .param(revocation.deathRecordId()).query((rs, n) -> ExtremePovertyRepository.extremePovertyCase(rs)).list();
    for (ExtremePovertyCase c : ended) {
      jdbc.sql("""
          UPDATE extreme_poverty_case SET status = 'SUPPORTED', end_month = NULL, end_reason = NULL,
            end_death_record_id = NULL WHERE id = ?""").param(c.id()).update();
      change(c, revocation, "SUPPORT_RESTORED", "death record revoked; support restored (was ended with "
          + c.endMonth() + ")");
      int stays = jdbc.sql("""
          UPDATE institution_residence SET discharged_on = NULL, discharge_reason = NULL, death_record_id = NULL
          WHERE case_id = ? AND death_record_id = ?""").params(c.id(), revocation.deathRecordId()).update();
      if (stays > 0) {
        change(c, revocation, "RESIDENCE_RESTORED", "residence in the institution restored");
      }
      int links = jdbc.sql("""
          UPDATE institution_link SET ended_on = NULL, death_record_id = NULL WHERE case_id = ? AND death_record_id = ?""")
          .params(c.id(), revocation.deathRecordId()).update();
      if (links > 0) {
        change(c, revocation, "LINK_RESTORED", "institution link restored");
      }
      publisher.publishEvent(new PersonBenefitRestored(PersonBenefitEnded.EXTREME_POVERTY_SUPPORT, c.id(),
          c.nationalIdNumber(), revocation.deathRecordId(), revocation.eventId(), c.endMonth()));
    }
  }

  /** The changes of a case, oldest first. */
  List<SchemeChange> changes(long caseId) {
    return jdbc.sql("SELECT * FROM scheme_benefit_change WHERE scheme = ? AND case_id = ? ORDER BY id")
        .params(SCHEME, caseId)
        .query((rs, n) -> new SchemeChange(rs.getLong("id"), rs.getLong("case_id"), rs.getString("national_id_number"),
            rs.getLong("death_record_id"), UUID.fromString(rs.getString("event_id")), rs.getString("change_type"),
            rs.getString("detail"), rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
        .list();
  }

  private void change(ExtremePovertyCase c, DeathFacts facts, String type, String detail) {
    jdbc.sql("""
        INSERT INTO scheme_benefit_change (scheme, case_id, national_id_number, death_record_id, event_id, change_type,
          detail) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(SCHEME, c.id(), c.nationalIdNumber(), facts.deathRecordId(), facts.eventId().toString(), type, detail)
        .update();
  }

  /**
   * Every person with an extreme-poverty case here, in any status: a superset of those {@link #personDeceased}
   * changes (open applications, supported cases and what hangs on them), so a change of that method needs no
   * change here. One query (index {@code ix_extreme_poverty_person}).
   */
  @Override
  public java.util.Set<String> beneficiariesAmong(java.util.Collection<String> nationalIdNumbers) {
    if (nationalIdNumbers.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql(
            "SELECT DISTINCT national_id_number FROM extreme_poverty_case WHERE national_id_number IN (:numbers)")
        .param("numbers", nationalIdNumbers).query(String.class).list());
  }
}
