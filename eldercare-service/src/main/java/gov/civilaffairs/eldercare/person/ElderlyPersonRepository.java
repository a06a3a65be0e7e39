package gov.civilaffairs.eldercare.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code elderly_person}. */
@Repository
class ElderlyPersonRepository {

  private final JdbcClient jdbc;

  ElderlyPersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a living person; a second person with the same ID number breaks the unique key (409). */
  ElderlyPerson insert(String nationalIdNumber, String name, LocalDate birthDate, String regionCode, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO elderly_person (national_id_number, name, birth_date, region_code, status, registered_at)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(nationalIdNumber, name, birthDate, regionCode, ElderlyPersonStatus.LIVING.name(), now)
        .update(key);
    return new ElderlyPerson(key.getKey().longValue(), nationalIdNumber, name, birthDate, regionCode,
        ElderlyPersonStatus.LIVING);
  }

  /** The persons with the ID numbers among {@code nationalIdNumbers} (not empty), in id order. */
  List<ElderlyPerson> withIdNumbers(Collection<String> nationalIdNumbers) {
    return jdbc.sql("SELECT * FROM elderly_person WHERE national_id_number IN (:ids) ORDER BY id")
        .param("ids", nationalIdNumbers).query(ElderlyPerson.class).list();
  }

  Optional<ElderlyPerson> findById(long id) {
    return jdbc.sql("SELECT * FROM elderly_person WHERE id = ?").param(id).query(ElderlyPerson.class).optional();
  }

  Optional<ElderlyPerson> findByNationalIdNumber(String nationalIdNumber) {
    return jdbc.sql("SELECT * FROM elderly_person WHERE national_id_number = ?").param(nationalIdNumber)
        .query(ElderlyPerson.class).optional();
  }

  /** One page within {@code area} in id order, after {@code afterId} (keyset pagination). */
  List<ElderlyPerson> page(RegionScope area, long afterId, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM elderly_person WHERE " + within.sql() + " AND id > ? ORDER BY id LIMIT ?")
        .params(within.parameters()).param(afterId).param(size)
        .query(ElderlyPerson.class).list();
  }

  /** One UPDATE for all of {@code ids} (not empty). */
  void updateStatus(Collection<Long> ids, ElderlyPersonStatus status) {
    jdbc.sql("UPDATE elderly_person SET status = :status WHERE id IN (:ids)").param("status", status.name())
        .param("ids", ids).update();
  }

  void updateStatus(long id, ElderlyPersonStatus status) {
    jdbc.sql("UPDATE elderly_person SET status = ? WHERE id = ?").params(status.name(), id).update();
  }
}
