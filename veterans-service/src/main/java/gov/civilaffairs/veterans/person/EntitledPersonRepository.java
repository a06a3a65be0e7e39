package gov.civilaffairs.veterans.person;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code entitled_person} and {@code periodic_pension}. Months are stored as {@code yyyy-MM}. */
@Repository
class EntitledPersonRepository {

  private static final String PERSON_COLUMNS = "id, national_id_number, name, category, disability_grade, "
      + "disability_cause, region_code, status, date_of_death";
  private static final String PENSION_COLUMNS = "id, entitled_person_id, kind, monthly_amount, start_month, "
      + "end_month, status, paid_through_month, stopped_by_death_record_id";

  private final JdbcClient jdbc;

  EntitledPersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertPerson(NewEntitledPerson person, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO entitled_person (national_id_number, name, category, disability_grade, disability_cause,
          region_code, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, 'LIVING', ?)""")
        .params(person.nationalIdNumber(), person.name(), person.category().name(), person.disabilityGrade(),
            person.disabilityCause() == null ? null : person.disabilityCause().name(), person.regionCode(),
            now.atOffset(ZoneOffset.UTC).toLocalDateTime())
        .update(key);
    return key.getKey().longValue();
  }

  long insertPension(long personId, PensionKind kind, BigDecimal monthlyAmount, YearMonth start, YearMonth end) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO periodic_pension (entitled_person_id, kind, monthly_amount, start_month, end_month, status)
        VALUES (?, ?, ?, ?, ?, 'ACTIVE')""")
        .params(personId, kind.name(), monthlyAmount, start.toString(), end == null ? null : end.toString())
        .update(key);
    return key.getKey().longValue();
  }

  Optional<EntitledPerson> findPerson(long id) {
    return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM entitled_person WHERE id = ?").param(id)
        .query(EntitledPersonRepository::person).optional();
  }

  Optional<EntitledPerson> findPersonByNationalIdNumber(String nationalIdNumber) {
    return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM entitled_person WHERE national_id_number = ?")
        .param(nationalIdNumber).query(EntitledPersonRepository::person).optional();
  }

  /** The ID numbers among {@code nationalIdNumbers} (not empty) that are registered. */
  Set<String> registeredAmong(Collection<String> nationalIdNumbers) {
    return new HashSet<>(jdbc.sql("SELECT national_id_number FROM entitled_person WHERE national_id_number IN (:ids)")
        .param("ids", nationalIdNumbers).query(String.class).list());
  }

  Optional<EntitledPerson> lockPersonByNationalIdNumber(String nationalIdNumber) {
    return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM entitled_person WHERE national_id_number = ? FOR UPDATE")
        .param(nationalIdNumber).query(EntitledPersonRepository::person).optional();
  }

  /** A page of persons registered within {@code area} (filtered in SQL), optionally of one category, by id. */
  List<EntitledPerson> listPersons(EntitledCategory category, RegionScope area, int offset, int limit) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    List<Object> parameters = new ArrayList<>();
    if (category != null) {
      parameters.add(category.name());
    }
    parameters.addAll(within.parameters());
    parameters.add(limit);
    parameters.add(offset);
    return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM entitled_person WHERE "
            + (category == null ? "" : "category = ? AND ") + within.sql() + " ORDER BY id LIMIT ? OFFSET ?")
        .params(parameters)
        .query(EntitledPersonRepository::person).list();
  }

  List<PeriodicPension> pensionsOf(long personId) {
    return jdbc.sql("SELECT " + PENSION_COLUMNS + " FROM periodic_pension WHERE entitled_person_id = ? ORDER BY id")
        .param(personId).query(EntitledPersonRepository::pension).list();
  }

  /**
   * Pensions with their persons, ordered by pension id: all of them, or those of one category (and, for
   * disabled veterans, one grade and cause; {@code <=>} matches the nulls of other categories) when
   * {@code category} is given. Two queries, persons then pensions, joined in memory.
   */
  List<PersonPension> personPensions(EntitledCategory category, Integer disabilityGrade, DisabilityCause cause) {
    String filter = category == null ? "1 = 1"
        : "category = :category AND disability_grade <=> :grade AND disability_cause <=> :cause";
    Map<Long, EntitledPerson> persons = new HashMap<>();
    jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM entitled_person WHERE " + filter)
        .param("category", category == null ? null : category.name())
        .param("grade", disabilityGrade)
        .param("cause", cause == null ? null : cause.name())
        .query(EntitledPersonRepository::person).list()
        .forEach(person -> persons.put(person.id(), person));
    return jdbc.sql("SELECT " + PENSION_COLUMNS + " FROM periodic_pension WHERE entitled_person_id IN "
            + "(SELECT id FROM entitled_person WHERE " + filter + ") ORDER BY id")
        .param("category", category == null ? null : category.name())
        .param("grade", disabilityGrade)
        .param("cause", cause == null ? null : cause.name())
        .query(EntitledPersonRepository::pension).list().stream()
        .filter(pension -> persons.containsKey(pension.entitledPersonId()))
        .map(pension -> new PersonPension(persons.get(pension.entitledPersonId()), pension))
        .toList();
  }

  void updateStatus(long personId, PersonStatus status, LocalDate dateOfDeath) {
    jdbc.sql("UPDATE entitled_person SET status = ?, date_of_death = ? WHERE id = ?")
        .params(status.name(), dateOfDeath, personId).update();
  }

  void stopPension(long pensionId, YearMonth paidThrough, long deathRecordId) {
    jdbc.sql("""
        UPDATE periodic_pension SET status = 'STOPPED', paid_through_month = ?, stopped_by_death_record_id = ?
        WHERE id = ?""").params(paidThrough.toString(), deathRecordId, pensionId).update();
  }

  void resumePension(long pensionId) {
    jdbc.sql("""
        UPDATE periodic_pension SET status = 'ACTIVE', paid_through_month = NULL, stopped_by_death_record_id = NULL
        WHERE id = ?""").param(pensionId).update();
  }

  private static EntitledPerson person(ResultSet rs, int row) throws SQLException {
    String cause = rs.getString("disability_cause");
    return new EntitledPerson(rs.getLong("id"), rs.getString("national_id_number"), rs.getString("name"),
        EntitledCategory.valueOf(rs.getString("category")), rs.getObject("disability_grade", Integer.class),
        cause == null ? null : DisabilityCause.valueOf(cause), rs.getString("region_code"),
        PersonStatus.valueOf(rs.getString("status")), rs.getObject("date_of_death", LocalDate.class));
  }

  private static PeriodicPension pension(ResultSet rs, int row) throws SQLException {
    return new PeriodicPension(rs.getLong("id"), rs.getLong("entitled_person_id"),
        PensionKind.valueOf(rs.getString("kind")), rs.getBigDecimal("monthly_amount"),
        YearMonth.parse(rs.getString("start_month")), month(rs.getString("end_month")),
        PensionStatus.valueOf(rs.getString("status")), month(rs.getString("paid_through_month")),
        rs.getObject("stopped_by_death_record_id", Long.class));
  }

  private static YearMonth month(String value) {
    return value == null ? null : YearMonth.parse(value);
  }
}
