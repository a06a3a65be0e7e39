package gov.civilaffairs.registry.person;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.idnumber.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The person index in table {@code person}. */
@Repository
public class PersonRepository {

  private static final java.time.format.DateTimeFormatter UTC_MICROS = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(java.time.ZoneOffset.UTC);

  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a living person; a second person with the same ID number breaks the unique key (409). */
  Person insert(String nationalIdNumber, String name, Sex sex, java.time.LocalDate birthDate, String regionCode,
      Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO person (national_id_number, name, sex, birth_date, region_code, status, created_at)
        VALUES (?, ?, ?, ?, ?, 'LIVING', ?)""")
        .params(nationalIdNumber, name, sex.name(), birthDate, regionCode, utc(now))
        .update(key);
    return new Person(key.getKey().longValue(), nationalIdNumber, name, sex, birthDate, regionCode, PersonStatus.LIVING);
  }

  /**
   * An instant as UTC text with microseconds for a TIMESTAMP(6) parameter: Connector/J takes MariaDB 10.x
   * for MySQL 5.5 and drops the fraction of a Timestamp (see DeathRecordRepository).
   */
  static String utc(Instant instant) {
    return UTC_MICROS.format(instant);
  }

  public Optional<Person> findById(long id) {
    return jdbc.sql("SELECT * FROM person WHERE id = ?").param(id).query(Person.class).optional();
  }

  public Optional<Person> findByNationalIdNumber(String nationalIdNumber) {
    return jdbc.sql("SELECT * FROM person WHERE national_id_number = ?").param(nationalIdNumber)
        .query(Person.class).optional();
  }

  /** One round trip for a chunk of a bulk import. */
  public List<Person> findByNationalIdNumbers(Collection<String> nationalIdNumbers) {
    if (nationalIdNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM person WHERE national_id_number IN (:numbers)")
        .param("numbers", nationalIdNumbers).query(Person.class).list();
  }

  /**
   * The same, each person's row locked until the transaction ends ({@code FOR UPDATE}), taken in ID
   * number order (the unique index is read in order): every writer of death records locks the person
   * first, so two imports of overlapping persons wait for each other instead of deadlocking. Under READ
   * COMMITTED no gap is locked for numbers that are not in the index.
   */
  public List<Person> lockByNationalIdNumbers(Collection<String> nationalIdNumbers) {
    if (nationalIdNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM person WHERE national_id_number IN (:numbers) ORDER BY national_id_number FOR UPDATE")
        .param("numbers", new java.util.TreeSet<>(nationalIdNumbers)).query(Person.class).list();
  }

  /** Sets the status of several persons in one statement. */
  public void updateStatus(Collection<Long> personIds, PersonStatus status) {
    if (!personIds.isEmpty()) {
      jdbc.sql("UPDATE person SET status = :status WHERE id IN (:ids)").param("status", status.name())
          .param("ids", personIds).update();
    }
  }

  /** Sets the status of a person (DECEASED on a confirmed death, LIVING again on its revocation). */
  public void updateStatus(long personId, PersonStatus status) {
    jdbc.sql("UPDATE person SET status = ? WHERE id = ?").params(status.name(), personId).update();
  }
}
